-- Which periods each period contains (itself excluded): a year contains its months, quarters,
-- halves and nine-month period; a term contains its years and everything inside them.
CREATE OR REPLACE VIEW v_period_contains AS
SELECT outer_p.period_code AS period_code,
       inner_p.period_code AS contains_period_code,
       inner_p.period_type AS contains_period_type
FROM dim_period outer_p
JOIN dim_period inner_p
  ON inner_p.start_date >= outer_p.start_date
 AND inner_p.end_date <= outer_p.end_date
 AND inner_p.period_id <> outer_p.period_id;
