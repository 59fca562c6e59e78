-- The category a leaf row was counted from: on the rated and rated_good_plus rows (and the upper_ ones) the
-- rating of the unit's latest report inside the period, NULL on every other row. The ratings by sector
-- (Metrics.Ratings, the annual workbook's ratings sheet) group the rated rows by it, so they add up to
-- rated and rated_good_plus by construction. A refresh fills it (the stamp's layout is tables-4).
ALTER TABLE metric_leaf ADD COLUMN category VARCHAR;
