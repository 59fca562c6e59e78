-- The carry-forward option per stock, synced from the indicator catalog: how many quarters a unit's last
-- report may stand in for a missing one in the carry-forward variant (v_rollup_carry_forward); NULL never.
ALTER TABLE dim_indicator ADD COLUMN carry_forward_quarters INTEGER;

-- The stand-in values the refresh found for the materialised periods: one row per stock, unit and period
-- the unit did not report although it was active at the period's end, from its last report within the bound.
-- Same columns as metric_leaf plus the date of the report carried (from_date).
CREATE TABLE metric_leaf_carried (
    period_code    VARCHAR NOT NULL,
    unit_code      VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    sector         VARCHAR,
    level          TINYINT,
    on_date        DATE NOT NULL,
    value          DOUBLE,
    from_date      DATE NOT NULL
);
