-- Attainment of a unit closed today is evaluated, as-is, on the unit that holds its units today
-- (its successor, recursively): the column names that unit (docs/plans.md, "Closed issuers").
-- NULL in rows written before this column existed; equal to unit_code otherwise.
ALTER TABLE metric_attainment ADD COLUMN evaluated_on VARCHAR;
