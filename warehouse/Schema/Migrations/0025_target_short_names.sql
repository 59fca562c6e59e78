-- Each target's short name, written by hand in the plan file (short_vi, short_en; at most 40
-- characters): the label charts and slides show in full. PlanCatalog.Sync fills both for every
-- target; text_vi / text_en keep the document's wording. docs/plans.md.
ALTER TABLE dim_target ADD COLUMN short_vi VARCHAR;
ALTER TABLE dim_target ADD COLUMN short_en VARCHAR;
