-- Metric tables, rebuilt whole by Metrics.Refresh (`analytics refresh`) after ingest or a registry
-- import. Rules and columns: docs/analyst-guide.md. Never edit by hand: a refresh overwrites them.

-- One value per unit, indicator and target period (whole years; the year-to-date periods of the
-- latest year), after the over-time rules; split by registry window so as-was rollups can follow moves.
CREATE TABLE metric_leaf (
    period_code    VARCHAR NOT NULL,
    unit_code      VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,   -- reported codes, plus computed counts (cdcs_active, rated_good_plus, …)
    sector         VARCHAR,
    level          TINYINT,
    on_date        DATE,               -- the date the value belongs to (end of the report it came from)
    value          DOUBLE
);

-- As-is: every unit code ever registered -> its current place and that place's ancestors today.
CREATE TABLE metric_asis_bridge (
    unit_code     VARCHAR NOT NULL,
    ancestor_code VARCHAR NOT NULL
);

-- As-was: (unit, date) -> the unit and its ancestors through the registry windows covering the date.
CREATE TABLE metric_aswas_bridge (
    unit_code     VARCHAR NOT NULL,
    on_date       DATE NOT NULL,
    ancestor_code VARCHAR NOT NULL
);

-- The state of the facts and registry the tables were built from; figures recompute when it changes.
CREATE TABLE metric_refresh (
    stamp        VARCHAR NOT NULL,
    periods      VARCHAR NOT NULL,
    refreshed_at TIMESTAMP NOT NULL
);

-- Attainment of every target for its issuing unit as of the refresh date (v_attainment).
CREATE TABLE metric_attainment (
    plan_id        VARCHAR NOT NULL,
    target_id      VARCHAR NOT NULL,
    unit_code      VARCHAR NOT NULL,
    as_of          DATE NOT NULL,
    hierarchy      VARCHAR NOT NULL,
    period_code    VARCHAR,
    actual         DOUBLE,
    numerator      DOUBLE,
    denominator    DOUBLE,
    projected      DOUBLE,
    ratio          DOUBLE,
    status         VARCHAR NOT NULL,
    explanation_vi VARCHAR NOT NULL,
    explanation_en VARCHAR NOT NULL,
    computed_at    TIMESTAMP NOT NULL
);
