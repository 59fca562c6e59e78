-- As-is sums of metric_leaf per upper-level unit (levels 0-2, active today), period, leaf code and
-- sector: what the engine reads for province and district figures instead of joining millions of leaf
-- rows at question time. Rebuilt whole by Metrics.Refresh; v_rollup keeps computing every level.
CREATE TABLE metric_asis_rollup (
    ancestor_code  VARCHAR NOT NULL,
    period_code    VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    sector         VARCHAR,
    value          DOUBLE
);
