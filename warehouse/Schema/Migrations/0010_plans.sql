-- Plans (kế hoạch, chỉ thị) and their targets (chỉ tiêu), loaded from warehouse/Plans/*.json by
-- PlanCatalog.Sync. The files are the source of truth: a sync replaces a plan's rows whole.
-- Format and meaning of every column: docs/plans.md.

CREATE TABLE dim_plan (
    plan_id        VARCHAR PRIMARY KEY,       -- '000' … ; stable, chosen by whoever adds the plan
    plan_number    VARCHAR,                   -- the document's number, '10/KH-LĐLĐ'; NULL when it has none
    document_type  VARCHAR NOT NULL CHECK (document_type IN ('plan', 'directive')),
    issuer_code    VARCHAR NOT NULL,          -- unit_code of the issuing union; its subtree is every target's scope
    issuer_name    VARCHAR NOT NULL,
    issued_on      DATE NOT NULL,
    term           VARCHAR NOT NULL,          -- '2021', '2021-2025', '2021-2045'
    term_start     INTEGER NOT NULL,
    term_end       INTEGER NOT NULL,
    title_vi       VARCHAR NOT NULL,
    title_en       VARCHAR NOT NULL,
    source_file    VARCHAR NOT NULL,          -- the document the targets were read from
    note           VARCHAR,
    target_count   INTEGER NOT NULL,
    content_hash   VARCHAR NOT NULL,          -- SHA-256 of the plan's rows; an unchanged plan is not rewritten
    CHECK (term_end >= term_start)
);

-- No foreign key to dim_plan: the loader deletes and re-inserts a plan with its targets in one
-- transaction, and DuckDB checks foreign keys eagerly inside a transaction.
CREATE TABLE dim_target (
    target_id           VARCHAR PRIMARY KEY,  -- '<plan_id>-T01'; stable, cited in reports
    plan_id             VARCHAR NOT NULL,
    seq                 INTEGER NOT NULL,     -- order within the plan file
    group_code          VARCHAR NOT NULL,     -- chart grouping: membership, cba, finance, rating, …
    text_vi             VARCHAR NOT NULL,
    text_en             VARCHAR NOT NULL,
    shape               VARCHAR NOT NULL CHECK (shape IN ('rate', 'range', 'cumulative', 'per_unit', 'milestone', 'deadline')),
    measure             VARCHAR NOT NULL CHECK (measure IN ('share', 'count', 'average', 'amount')),
    indicator_code      VARCHAR,              -- a catalog code (basic or derived) …
    numerator_code      VARCHAR,              -- … or a ratio of two catalog codes, summed over the scope
    denominator_code    VARCHAR,
    comparison          VARCHAR NOT NULL CHECK (comparison IN ('>=', '>', '<=', '<', '=', 'between')),
    target_value        DOUBLE,               -- shares as fractions: 0.75 is 75%
    target_min          DOUBLE,               -- 'between' only, inclusive
    target_max          DOUBLE,
    basis               VARCHAR NOT NULL CHECK (basis IN ('each_year', 'term', 'by_date')),
    from_year           INTEGER NOT NULL,     -- the years the target covers, inside the plan's term
    to_year             INTEGER NOT NULL,
    due_date            DATE,                 -- 'by_date' only
    sectors             VARCHAR,              -- comma list of public, soe, private; NULL: every sector
    min_workers         INTEGER,              -- only enterprises with at least this many workers
    scope_unit_code     VARCHAR NOT NULL,     -- the issuer: the target covers this unit's subtree
    measured            BOOLEAN NOT NULL,
    not_measured_reason VARCHAR,
    note                VARCHAR,
    CHECK (to_year >= from_year),
    CHECK (measured OR not_measured_reason IS NOT NULL),
    CHECK (NOT measured OR indicator_code IS NOT NULL OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL)),
    CHECK ((comparison = 'between') = (target_min IS NOT NULL AND target_max IS NOT NULL AND target_value IS NULL)),
    CHECK ((basis = 'by_date') = (due_date IS NOT NULL))
);
