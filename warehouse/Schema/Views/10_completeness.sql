-- Completeness and timeliness, as of any moment.
--   deadline_of('2024-Q1')               -> the moment reports for the period are due (exclusive)
--   completeness_units('2024-Q1', TIMESTAMP '2024-04-01')
--       one row per grassroots unit active on the period's last day: on_time, late or missing
--   completeness('2024-Q1', TIMESTAMP '2024-04-01')
--       per unit above grassroots (hierarchy as on the period's last day): expected, received, on time, late, missing
-- "Received" means an accepted submission; a unit whose reports were all refused is missing
-- (refused_count says so).

CREATE OR REPLACE MACRO deadline_of(p) AS (
    SELECT (date_trunc('month', d.end_date) + to_months(r.month_offset) + to_days(r.due_day - 1))::TIMESTAMP
    FROM dim_period d
    JOIN deadline_rule r ON r.period_type = d.period_type
    WHERE d.period_code = p
);

CREATE OR REPLACE MACRO completeness_units(p, as_of) AS TABLE
WITH period AS (
    SELECT period_code, end_date, deadline_of(p) AS deadline FROM dim_period WHERE period_code = p
),
units_on AS (
    SELECT u.* FROM dim_unit u, period
    WHERE u.valid_from <= period.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= period.end_date
),
firsts AS (
    SELECT unit_code,
           min(received_at) FILTER (WHERE status = 'accepted') AS first_accepted,
           count(*) FILTER (WHERE status = 'refused') AS refused_count
    FROM submission
    WHERE period_code = p AND received_at <= as_of
    GROUP BY unit_code
)
SELECT g.unit_code, g.name, g.parent_code, g.sector, period.period_code, period.deadline,
       f.first_accepted AS received_at,
       coalesce(f.refused_count, 0) AS refused_count,
       CASE WHEN f.first_accepted IS NULL THEN 'missing'
            WHEN f.first_accepted < period.deadline THEN 'on_time'
            ELSE 'late' END AS status
FROM units_on g
CROSS JOIN period
LEFT JOIN firsts f USING (unit_code)
WHERE g.level = 3;

CREATE OR REPLACE MACRO completeness(p, as_of) AS TABLE
WITH RECURSIVE period AS (
    SELECT end_date FROM dim_period WHERE period_code = p
),
units_on AS (
    SELECT u.* FROM dim_unit u, period
    WHERE u.valid_from <= period.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= period.end_date
),
ancestors(grassroots_code, ancestor_code) AS (
    SELECT unit_code, parent_code FROM units_on WHERE level = 3 AND parent_code IS NOT NULL
    UNION ALL
    SELECT a.grassroots_code, u.parent_code
    FROM ancestors a JOIN units_on u ON u.unit_code = a.ancestor_code
    WHERE u.parent_code IS NOT NULL
),
statuses AS (SELECT * FROM completeness_units(p, as_of))
SELECT u.unit_code, u.name, u.level, u.parent_code, p AS period_code,
       count(*) AS expected,
       count(*) FILTER (WHERE s.status <> 'missing') AS received,
       count(*) FILTER (WHERE s.status = 'on_time') AS on_time,
       count(*) FILTER (WHERE s.status = 'late') AS late,
       count(*) FILTER (WHERE s.status = 'missing') AS missing
FROM ancestors a
JOIN units_on u ON u.unit_code = a.ancestor_code
JOIN statuses s ON s.unit_code = a.grassroots_code
GROUP BY u.unit_code, u.name, u.level, u.parent_code;
