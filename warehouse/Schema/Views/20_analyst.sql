-- The analyst SQL surface (docs/analyst-guide.md). Names and columns are a public API: add columns,
-- never rename or drop them. Codes in English, Vietnamese labels beside them (*_vi).

-- Units as they are today (one row per unit code active now).
CREATE OR REPLACE VIEW v_unit_current AS
SELECT u.unit_code, u.name AS unit_name_vi, u.level, u.parent_code, p.name AS parent_name_vi, u.sector,
       CASE u.sector WHEN 'public' THEN 'Hành chính, sự nghiệp' WHEN 'soe' THEN 'Doanh nghiệp nhà nước'
                     WHEN 'private' THEN 'Doanh nghiệp ngoài nhà nước' END AS sector_vi,
       u.valid_from AS active_since
FROM dim_unit u
LEFT JOIN dim_unit p ON p.unit_code = u.parent_code AND p.valid_to IS NULL
WHERE u.valid_to IS NULL;

-- Every registry window: where each unit sat, when, and who took over a closed one.
CREATE OR REPLACE VIEW v_unit_history AS
SELECT unit_code, name AS unit_name_vi, level, parent_code, sector, valid_from, valid_to, successor_code,
       CASE WHEN valid_to IS NULL THEN 'active'
            WHEN successor_code IS NOT NULL THEN 'closed_with_successor'
            WHEN EXISTS (SELECT 1 FROM dim_unit n WHERE n.unit_code = dim_unit.unit_code AND n.valid_from > dim_unit.valid_from) THEN 'moved'
            ELSE 'closed' END AS window_end
FROM dim_unit;

-- Every current reported value with unit, period and indicator attributes.
CREATE OR REPLACE VIEW v_value AS
SELECT s.unit_code, u.name AS unit_name_vi, u.level, u.parent_code, u.sector,
       p.period_code, p.period_type, p.year, p.start_date, p.end_date, p.label_vi AS period_vi,
       i.indicator_code, i.name_vi AS indicator_vi, i.name_en AS indicator_en, i.kind, i.value_type, i.unit_vi,
       f.value, f.category, s.submission_id, s.version, s.received_at, s.source_file
FROM fact_value f
JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
JOIN dim_period p ON p.period_id = f.period_id
JOIN dim_indicator i ON i.indicator_id = f.indicator_id
ASOF LEFT JOIN dim_unit u ON u.unit_id = f.unit_id AND p.end_date >= u.valid_from;

-- Yearly rolled-up sums per unit (any level), year, leaf indicator and sector, as-is and as-was, from
-- the refresh tables (fresh after `analytics refresh`; metric_refresh.refreshed_at says when).
-- sector NULL: values reported by upper-level units. Rates: divide two sums (see v_rollup_rate).
CREATE OR REPLACE VIEW v_rollup AS
SELECT 'as-is' AS hierarchy, b.ancestor_code AS unit_code, l.period_code, l.indicator_code, l.sector,
       sum(l.value) AS value, count(DISTINCT l.unit_code) AS reporting_units
FROM metric_leaf l JOIN metric_asis_bridge b ON b.unit_code = l.unit_code
GROUP BY b.ancestor_code, l.period_code, l.indicator_code, l.sector
UNION ALL
SELECT 'as-was', b.ancestor_code, l.period_code, l.indicator_code, l.sector, sum(l.value), count(DISTINCT l.unit_code)
FROM metric_leaf l JOIN metric_aswas_bridge b ON b.unit_code = l.unit_code AND b.on_date = l.on_date
GROUP BY b.ancestor_code, l.period_code, l.indicator_code, l.sector;

-- The carry-forward variant of v_rollup for the stocks whose catalog entry allows it
-- (dim_indicator.carry_forward_quarters): a unit active at the period's end that did not report the stock
-- for the period counts with its last report, at most that many quarters old (metric_leaf_carried).
-- value = reported_value + carried_value; reported_value is v_rollup's value. reporting_units reported
-- the period; carried_units stand on an older report. Same periods as v_rollup (the refreshed ones).
CREATE OR REPLACE VIEW v_rollup_carry_forward AS
WITH leaf AS (
    SELECT period_code, unit_code, indicator_code, sector, on_date, value, false AS carried FROM metric_leaf
    WHERE indicator_code IN (SELECT indicator_code FROM dim_indicator WHERE carry_forward_quarters > 0)
    UNION ALL
    SELECT period_code, unit_code, indicator_code, sector, on_date, value, true FROM metric_leaf_carried
),
placed AS (
    SELECT 'as-is' AS hierarchy, b.ancestor_code AS unit_code, l.period_code, l.indicator_code, l.sector, l.unit_code AS leaf_unit, l.value, l.carried
    FROM leaf l JOIN metric_asis_bridge b ON b.unit_code = l.unit_code
    UNION ALL
    SELECT 'as-was', b.ancestor_code, l.period_code, l.indicator_code, l.sector, l.unit_code, l.value, l.carried
    FROM leaf l JOIN metric_aswas_bridge b ON b.unit_code = l.unit_code AND b.on_date = l.on_date
)
SELECT hierarchy, unit_code, period_code, indicator_code, sector,
       sum(value) AS value,
       sum(value) FILTER (WHERE NOT carried) AS reported_value,
       sum(value) FILTER (WHERE carried) AS carried_value,
       count(DISTINCT leaf_unit) FILTER (WHERE NOT carried) AS reporting_units,
       count(DISTINCT leaf_unit) FILTER (WHERE carried) AS carried_units
FROM placed
GROUP BY hierarchy, unit_code, period_code, indicator_code, sector;

-- The rates per unit, period and hierarchy: numerator, denominator, value = ratio of the sums. The parts
-- come from dim_indicator (the catalog's numerator and denominator columns), the same ones the metrics API
-- divides. A numerator nobody reported is NULL, not 0, and so is the rate: flags are reported as 0 or 1,
-- so a true zero has rows. A denominator that is not positive gives no rate.
CREATE OR REPLACE VIEW v_rollup_rate AS
WITH totals AS (
    SELECT hierarchy, unit_code, period_code, indicator_code, sum(value) AS value FROM v_rollup GROUP BY hierarchy, unit_code, period_code, indicator_code
),
rates AS (
    SELECT indicator_code, name_vi, numerator AS numerator_code, denominator AS denominator_code
    FROM dim_indicator WHERE numerator IS NOT NULL AND denominator IS NOT NULL
)
SELECT d.hierarchy, d.unit_code, d.period_code, r.indicator_code, r.name_vi AS indicator_vi,
       n.value AS numerator, d.value AS denominator,
       CASE WHEN d.value > 0 THEN n.value / d.value END AS value
FROM rates r
JOIN totals d ON d.indicator_code = r.denominator_code
LEFT JOIN totals n ON n.indicator_code = r.numerator_code AND n.hierarchy = d.hierarchy AND n.unit_code = d.unit_code AND n.period_code = d.period_code;

-- Yearly trend per unit: counts and rates side by side with the change from the previous year.
CREATE OR REPLACE VIEW v_trend_yearly AS
WITH yearly AS (
    SELECT hierarchy, unit_code, CAST(period_code AS INTEGER) AS year, indicator_code, sum(value) AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator
    FROM v_rollup WHERE period_code SIMILAR TO '[0-9]{4}' GROUP BY hierarchy, unit_code, period_code, indicator_code
    UNION ALL
    SELECT hierarchy, unit_code, CAST(period_code AS INTEGER), indicator_code, value, numerator, denominator
    FROM v_rollup_rate WHERE period_code SIMILAR TO '[0-9]{4}'
)
SELECT y.hierarchy, y.unit_code, u.name AS unit_name_vi, y.year, y.indicator_code, y.value, y.numerator, y.denominator,
       y.value - lag(y.value) OVER w AS change,
       y.value / nullif(lag(y.value) OVER w, 0) - 1 AS change_ratio
FROM yearly y
LEFT JOIN (SELECT unit_code, arg_max(name, valid_from) AS name FROM dim_unit GROUP BY unit_code) u USING (unit_code)
WINDOW w AS (PARTITION BY y.hierarchy, y.unit_code, y.indicator_code ORDER BY y.year);

-- Attainment of every target for its issuer as of the last `analytics refresh` (as_of, computed_at say when);
-- evaluated_on: the unit whose subtree was assessed (a closed issuer's successor in as-is, else unit_code).
CREATE OR REPLACE VIEW v_attainment AS
SELECT a.plan_id, pl.plan_number, a.target_id, t.group_code, t.text_vi, t.text_en, t.shape, t.comparison,
       t.target_value, t.target_min, t.target_max, a.unit_code, a.as_of, a.hierarchy, a.period_code,
       a.actual, a.numerator, a.denominator, a.projected, a.ratio, a.status,
       CASE a.status WHEN 'achieved' THEN 'Đạt' WHEN 'on_track' THEN 'Đúng tiến độ' WHEN 'at_risk' THEN 'Có nguy cơ không đạt'
                     WHEN 'missed' THEN 'Không đạt' WHEN 'not_yet_due' THEN 'Chưa đến kỳ' WHEN 'no_data' THEN 'Chưa có số liệu'
                     WHEN 'not_measured' THEN 'Không đo được' END AS status_vi,
       a.explanation_vi, a.explanation_en, a.computed_at, coalesce(a.evaluated_on, a.unit_code) AS evaluated_on
FROM metric_attainment a
JOIN dim_target t ON t.target_id = a.target_id
LEFT JOIN dim_plan pl ON pl.plan_id = a.plan_id;

-- Completeness of the expected reports for every period with submissions, as of now: one row per period and
-- direct parent of the expected reporters (on the period's last day), same rules as the completeness() macro:
-- the reporters come from the catalog (reporters_of: grassroots unions for quarters, halves, nine months and
-- years; the units above them for months); an accepted report before the deadline is on time; after it,
-- late; none, missing. Written out per kind of reporter rather than through completeness_reporters(), a
-- table macro that cannot take each period in turn; grassroots windows are joined once for every period.
CREATE OR REPLACE VIEW v_completeness AS
WITH periods AS (
    SELECT p.period_code, p.period_type, p.end_date, p.label_vi,
           (date_trunc('month', p.end_date) + to_months(r.month_offset) + to_days(r.due_day - 1))::TIMESTAMP AS deadline,
           reporters_of(p.period_type) AS reporters, reporting_sectors_of(p.period_type) AS sectors
    FROM dim_period p JOIN deadline_rule r ON r.period_type = p.period_type
    WHERE p.period_code IN (SELECT DISTINCT period_code FROM submission)
),
grassroots_on AS (
    SELECT ps.period_code, ps.reporters, ps.sectors, u.unit_code, u.parent_code, u.sector
    FROM periods ps JOIN dim_unit u
      ON u.level = 3 AND u.valid_from <= ps.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= ps.end_date
    WHERE ps.reporters IN ('grassroots', 'upper')
),
expected AS (
    SELECT g.period_code, g.unit_code, g.parent_code FROM grassroots_on g
    WHERE g.reporters = 'grassroots' AND list_contains(g.sectors, g.sector)
    UNION ALL
    SELECT ps.period_code, u.unit_code, u.parent_code
    FROM (SELECT DISTINCT period_code, parent_code FROM grassroots_on WHERE reporters = 'upper') g
    JOIN periods ps USING (period_code)
    JOIN dim_unit u ON u.unit_code = g.parent_code AND u.valid_from <= ps.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= ps.end_date
    UNION ALL
    SELECT ps.period_code, u.unit_code, u.parent_code
    FROM periods ps JOIN dim_unit u
      ON u.level = CASE ps.reporters WHEN 'province' THEN 1 WHEN 'national' THEN 0 END
     AND u.valid_from <= ps.end_date AND coalesce(u.valid_to, DATE '9999-12-31') >= ps.end_date
),
firsts AS (
    SELECT unit_code, period_code, min(received_at) FILTER (WHERE status = 'accepted') AS first_accepted
    FROM submission WHERE received_at <= now()::TIMESTAMP GROUP BY unit_code, period_code
)
SELECT e.period_code, ps.label_vi AS period_vi, e.parent_code AS unit_code, any_value(pu.name) AS unit_name_vi, ps.deadline,
       count(*) AS expected,
       count(f.first_accepted) AS received,
       count(*) FILTER (WHERE f.first_accepted < ps.deadline) AS on_time,
       count(*) FILTER (WHERE f.first_accepted >= ps.deadline) AS late,
       count(*) FILTER (WHERE f.first_accepted IS NULL) AS missing,
       count(f.first_accepted) / count(*) AS received_share
FROM expected e
JOIN periods ps USING (period_code)
LEFT JOIN firsts f ON f.unit_code = e.unit_code AND f.period_code = e.period_code
LEFT JOIN dim_unit pu ON pu.unit_code = e.parent_code AND pu.valid_to IS NULL
GROUP BY e.period_code, ps.label_vi, e.parent_code, ps.deadline;
