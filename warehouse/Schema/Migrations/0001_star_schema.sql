-- The star schema: units x indicators x periods -> values, with the submission each came from.
-- Dates are inclusive on both ends: a unit with valid_to = 2025-06-30 is active on that day.

-- The unit registry with history: one row per unit per validity window. A move, a merge or a
-- closure ends a window and (for a move) opens a new one; rows are never rewritten to lose the past.
CREATE TABLE dim_unit (
    unit_id        INTEGER NOT NULL,          -- durable key, the same in every window of one unit_code
    unit_code      VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    parent_code    VARCHAR,                   -- the parent during this window; NULL only at level 0
    level          TINYINT NOT NULL CHECK (level BETWEEN 0 AND 3),
    sector         VARCHAR CHECK (sector IN ('public', 'soe', 'private')),
    valid_from     DATE NOT NULL,
    valid_to       DATE,                      -- NULL: still active
    successor_code VARCHAR,                   -- the unit that took over a closed one
    PRIMARY KEY (unit_code, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((level = 3) = (sector IS NOT NULL))
);

-- Every period the domain uses. Containment follows from the dates (see v_period_contains).
CREATE TABLE dim_period (
    period_id   INTEGER PRIMARY KEY,
    period_code VARCHAR NOT NULL UNIQUE,      -- 2024, 2024-H1, 2024-9M, 2024-Q3, 2024-03, 2021-2025
    period_type VARCHAR NOT NULL CHECK (period_type IN ('month', 'quarter', 'half', 'nine_months', 'year', 'term')),
    year        INTEGER NOT NULL,             -- the calendar year it starts in
    seq         INTEGER NOT NULL,             -- month 1-12, quarter 1-4, half 1-2; 1 otherwise
    start_date  DATE NOT NULL,
    end_date    DATE NOT NULL,
    label_vi    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL
);

-- The indicator catalog; filled from etl's catalog file at open.
CREATE TABLE dim_indicator (
    indicator_id    SMALLINT PRIMARY KEY,
    indicator_code  VARCHAR NOT NULL UNIQUE,
    name_vi         VARCHAR NOT NULL,
    name_en         VARCHAR NOT NULL,
    unit_vi         VARCHAR NOT NULL,          -- unit of measure: người, đơn vị, đồng, …
    unit_en         VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('stock', 'flow', 'category', 'derived')),
    value_type      VARCHAR NOT NULL CHECK (value_type IN ('count', 'flag', 'amount', 'category', 'rate')),
    reported_by     VARCHAR NOT NULL,          -- 'grassroots', 'upper' (units whose children are grassroots), 'derived'
    sectors         VARCHAR,                   -- comma-separated sectors allowed to report; NULL: all
    period_types    VARCHAR,                   -- comma-separated period types allowed; NULL: all
    categories      VARCHAR,                   -- comma-separated allowed values for category indicators
    description     VARCHAR
);

CREATE SEQUENCE seq_submission START 1;

-- One row per received (unit, period) submission, accepted or refused.
CREATE TABLE submission (
    submission_id  BIGINT PRIMARY KEY,
    unit_code      VARCHAR NOT NULL,
    period_code    VARCHAR NOT NULL,
    version        INTEGER,                   -- 1, 2, … among accepted submissions of (unit, period); NULL when refused
    status         VARCHAR NOT NULL CHECK (status IN ('accepted', 'refused')),
    is_current     BOOLEAN NOT NULL DEFAULT false, -- the latest accepted version of (unit, period)
    source_file    VARCHAR NOT NULL,
    source_sheet   VARCHAR,
    source_format  VARCHAR NOT NULL,          -- csv, xlsx, template, json
    content_hash   VARCHAR NOT NULL,          -- SHA-256 of the submission's normalised values
    received_at    TIMESTAMP NOT NULL,
    loaded_at      TIMESTAMP NOT NULL,
    value_count    INTEGER NOT NULL,
    warning_count  INTEGER NOT NULL DEFAULT 0,
    error_count    INTEGER NOT NULL DEFAULT 0
);

-- unit x indicator x period -> value. No primary key: it would slow bulk appends, and
-- uniqueness per submission is enforced by the loader.
CREATE TABLE fact_value (
    submission_id  BIGINT NOT NULL,
    unit_id        INTEGER NOT NULL,
    period_id      INTEGER NOT NULL,
    indicator_id   SMALLINT NOT NULL,
    value          DOUBLE,                    -- numeric value; NULL for category indicators
    category       VARCHAR,                   -- rating and other category values
    source_row     INTEGER,                   -- row (CSV line, sheet row) the value came from
    source_cell    VARCHAR,                   -- A1 reference for workbook values
    note           VARCHAR
);
