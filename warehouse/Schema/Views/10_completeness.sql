-- Completeness and timeliness, as of any moment.
--   deadline_of('2024-Q1')               -> the moment reports for the period are due (exclusive)
--   reporters_of('month')                -> who is expected to report for a period type: 'grassroots',
--                                           'upper', 'province', 'national', or NULL (nobody)
--   completeness_reporters('2024-03')    -> one row per unit expected to report for the period
--   completeness_units('2024-Q1', TIMESTAMP '2024-04-01')
--       one row per expected reporter: on_time, late or missing
--   completeness('2024-Q1', TIMESTAMP '2024-04-01')
--       per unit above grassroots (hierarchy as on the period's last day): expected, received, on time, late, missing
-- "Received" means an accepted submission; a unit whose reports were all refused is missing
-- (refused_count says so).
--
-- Who is expected comes from the catalog (dim_indicator.reported_by, sectors, period_types), not from a
-- list here: the reporters of a period type are the units of the lowest level that has at least one
-- indicator it may report for that type, in the order grassroots, upper (units with a grassroots child
-- on the period's last day), province, national. Grassroots unions report quarters, halves, nine months
-- and years, so for those the rule is the issue's: every grassroots union active on the period's last
-- day (whose sector has an indicator for the type). Nothing at grassroots level is reported monthly, so
-- a month's reporters are the units above grassroots unions, the ones that send cdcs_founded each month.
-- Only the lowest level counts because that level's reports are the period's returns; an upper unit's
-- own indicators for a quarter (if any) ride along and are not chased.

CREATE OR REPLACE MACRO deadline_of(p) AS (
    SELECT (date_trunc('month', d.end_date) + to_months(r.month_offset) + to_days(r.due_day - 1))::TIMESTAMP
    FROM dim_period d
    JOIN deadline_rule r ON r.period_type = d.period_type
    WHERE d.period_code = p
);

-- Whether an indicator with these period_types may be reported for a period of type ptype (lists in
-- dim_indicator are comma-separated; NULL means every type the catalog knows, which excludes terms:
-- a five-year term is never reported, its figures are summed from years).
CREATE OR REPLACE MACRO indicator_allows_period_type(types, ptype) AS (
    ptype IN ('month', 'quarter', 'half', 'nine_months', 'year')
    AND (coalesce(types, '') = '' OR list_contains(string_split(replace(types, ' ', ''), ','), ptype))
);

CREATE OR REPLACE MACRO reporters_of(ptype) AS (
    SELECT CASE max(CASE reported_by WHEN 'grassroots' THEN 3 WHEN 'upper' THEN 2 WHEN 'province' THEN 1 WHEN 'national' THEN 0 END)
               WHEN 3 THEN 'grassroots' WHEN 2 THEN 'upper' WHEN 1 THEN 'province' WHEN 0 THEN 'national' END
    FROM dim_indicator
    WHERE reported_by <> 'derived' AND indicator_allows_period_type(period_types, ptype)
);

-- The sectors whose grassroots unions have at least one indicator for ptype (an empty list when none).
CREATE OR REPLACE MACRO reporting_sectors_of(ptype) AS (
    SELECT coalesce(list_distinct(flatten(list(
               CASE WHEN coalesce(sectors, '') = '' THEN ['public', 'soe', 'private']
                    ELSE string_split(replace(sectors, ' ', ''), ',') END))), [])
    FROM dim_indicator
    WHERE reported_by = 'grassroots' AND indicator_allows_period_type(period_types, ptype)
);

CREATE OR REPLACE MACRO completeness_reporters(p) AS TABLE
WITH period AS (
    SELECT end_date, reporters_of(period_type) AS reporters, reporting_sectors_of(period_type) AS sectors
    FROM dim_period WHERE period_code = p
),
units_on AS (
    SELECT u.* FROM dim_unit u, period
    WHERE u.valid_from <= period.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= period.end_date
),
grassroots_parents AS (
    SELECT DISTINCT parent_code AS unit_code FROM units_on WHERE level = 3
)
SELECT u.unit_code, u.name, u.parent_code, u.level, u.sector, period.reporters
FROM units_on u
CROSS JOIN period
LEFT JOIN grassroots_parents g USING (unit_code)
WHERE CASE period.reporters
          WHEN 'grassroots' THEN u.level = 3 AND list_contains(period.sectors, u.sector)
          WHEN 'upper' THEN u.level < 3 AND g.unit_code IS NOT NULL
          WHEN 'province' THEN u.level = 1
          WHEN 'national' THEN u.level = 0
          ELSE false
      END;

CREATE OR REPLACE MACRO completeness_units(p, as_of) AS TABLE
WITH period AS (
    SELECT period_code, deadline_of(p) AS deadline FROM dim_period WHERE period_code = p
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
            ELSE 'late' END AS status,
       g.level
FROM completeness_reporters(p) g
CROSS JOIN period
LEFT JOIN firsts f USING (unit_code);

-- A unit above grassroots counts the expected reporters in its subtree, itself included when it is one
-- (a district union for a month; a province that took grassroots unions over in 2025).
CREATE OR REPLACE MACRO completeness(p, as_of) AS TABLE
WITH RECURSIVE period AS (
    SELECT end_date FROM dim_period WHERE period_code = p
),
units_on AS (
    SELECT u.* FROM dim_unit u, period
    WHERE u.valid_from <= period.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= period.end_date
),
statuses AS MATERIALIZED (SELECT unit_code, status FROM completeness_units(p, as_of)),
ancestors(reporter_code, ancestor_code) AS (
    SELECT unit_code, unit_code FROM statuses
    UNION ALL
    SELECT a.reporter_code, u.parent_code
    FROM ancestors a JOIN units_on u ON u.unit_code = a.ancestor_code
    WHERE u.parent_code IS NOT NULL
)
SELECT u.unit_code, u.name, u.level, u.parent_code, p AS period_code,
       count(*) AS expected,
       count(*) FILTER (WHERE s.status <> 'missing') AS received,
       count(*) FILTER (WHERE s.status = 'on_time') AS on_time,
       count(*) FILTER (WHERE s.status = 'late') AS late,
       count(*) FILTER (WHERE s.status = 'missing') AS missing
FROM ancestors a
JOIN units_on u ON u.unit_code = a.ancestor_code
JOIN statuses s ON s.unit_code = a.reporter_code
WHERE u.level < 3
GROUP BY u.unit_code, u.name, u.level, u.parent_code;
