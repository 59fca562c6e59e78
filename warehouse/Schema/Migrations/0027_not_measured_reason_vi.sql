-- Why a target cannot be measured, in Vietnamese beside the English reason: the Vietnamese scorecard
-- and v_attainment's explanation_vi read this one (synced from the plan files' not_measured_reason_vi).
ALTER TABLE dim_target ADD COLUMN not_measured_reason_vi VARCHAR;
