-- Ingest bookkeeping: which files were loaded, every message a submission drew, what was refused,
-- and the deadline rule per period type.

-- A file is ingested once: the same bytes again change nothing.
CREATE TABLE ingested_file (
    file_hash    VARCHAR PRIMARY KEY,          -- SHA-256 of the file's bytes
    file_name    VARCHAR NOT NULL,
    source_path  VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    received_at  TIMESTAMP NOT NULL,
    ingested_at  TIMESTAMP NOT NULL,
    submissions  INTEGER NOT NULL,
    accepted     INTEGER NOT NULL,
    refused      INTEGER NOT NULL
);

-- Every error and warning, in Vietnamese and English, with where it points.
CREATE TABLE submission_message (
    submission_id  BIGINT NOT NULL,
    rule_id        VARCHAR NOT NULL,
    severity       VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
    indicator_code VARCHAR,
    source_row     INTEGER,
    source_cell    VARCHAR,
    message_vi     VARCHAR NOT NULL,
    message_en     VARCHAR NOT NULL
);

-- The values of refused submissions, as sent, so nothing is lost and the unit can be answered.
CREATE TABLE quarantine_value (
    submission_id  BIGINT NOT NULL,
    indicator_text VARCHAR,
    value_text     VARCHAR,
    source_row     INTEGER,
    source_cell    VARCHAR,
    note           VARCHAR
);

-- Deadline per period type: reports are due before day `due_day` of the month that is
-- `month_offset` months after the period's last month. Quarters (and halves, nine months and
-- years): before the 15th of the last month — Long Biên plan (seed 001). Months: before the 5th
-- of the next month. Analysts may change these rows.
CREATE TABLE deadline_rule (
    period_type  VARCHAR PRIMARY KEY,
    month_offset INTEGER NOT NULL,
    due_day      INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 28),
    source       VARCHAR
);
INSERT INTO deadline_rule VALUES
    ('month', 1, 5, 'default: before the 5th of the next month'),
    ('quarter', 0, 15, 'seed 001 (Long Biên): trước ngày 15 tháng cuối quý'),
    ('half', 0, 15, 'seed 001 (Long Biên): trước ngày 15 tháng cuối kỳ'),
    ('nine_months', 0, 15, 'seed 001 (Long Biên): trước ngày 15 tháng cuối kỳ'),
    ('year', 0, 15, 'seed 001 (Long Biên): trước ngày 15 tháng cuối năm'),
    ('term', 0, 15, 'as for years');

CREATE INDEX submission_unit_period ON submission (unit_code, period_code);
