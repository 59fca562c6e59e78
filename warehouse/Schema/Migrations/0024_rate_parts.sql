-- A rate's two parts are data, synced from the indicator catalog's numerator and denominator columns:
-- v_rollup_rate, the metrics API and the reports all divide these two codes' sums.
ALTER TABLE dim_indicator ADD COLUMN numerator VARCHAR;
ALTER TABLE dim_indicator ADD COLUMN denominator VARCHAR;
