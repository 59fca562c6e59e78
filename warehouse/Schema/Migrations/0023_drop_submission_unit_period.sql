-- submission_unit_period (0003) is never read: DuckDB scans an ART index only for filters on a
-- single column, so `WHERE unit_code = … AND period_code = …` runs as a sequential scan with or
-- without it (EXPLAIN on the national sample), and joins are hash joins. Every ingest paid for it:
-- each batch merged it at commit and the checkpoint wrote it again (national 2024-Q1: commit and
-- checkpoint 1.4 s -> 1.15 s). It is not a constraint; dropping it changes no result.
DROP INDEX IF EXISTS submission_unit_period;
