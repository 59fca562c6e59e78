-- Fill dim_period for 2015-2040: months, quarters, halves, nine-month periods, years, and the
-- five-year congress terms the plans use (2016-2020 … 2036-2040).
-- period_id encodes type and position so ids are stable across databases:
--   year*1000 + 100 + month, + 200 + quarter, + 300 + half, + 400 (nine months), + 500 (year);
--   terms: 9_000_000 + start year.
INSERT INTO dim_period
SELECT y * 1000 + 100 + m,
       printf('%d-%02d', y, m), 'month', y, m,
       make_date(y, m, 1), last_day(make_date(y, m, 1)),
       printf('Tháng %d/%d', m, y), printf('%s %d', strftime(make_date(y, m, 1), '%B'), y)
FROM range(2015, 2041) AS ty(y), range(1, 13) AS tm(m)
UNION ALL
SELECT y * 1000 + 200 + q,
       printf('%d-Q%d', y, q), 'quarter', y, q,
       make_date(y, q * 3 - 2, 1), last_day(make_date(y, q * 3, 1)),
       printf('Quý %s/%d', ['I', 'II', 'III', 'IV'][q], y), printf('Q%d %d', q, y)
FROM range(2015, 2041) AS ty(y), range(1, 5) AS tq(q)
UNION ALL
SELECT y * 1000 + 300 + h,
       printf('%d-H%d', y, h), 'half', y, h,
       make_date(y, h * 6 - 5, 1), last_day(make_date(y, h * 6, 1)),
       printf('6 tháng %s năm %d', CASE h WHEN 1 THEN 'đầu' ELSE 'cuối' END, y),
       printf('%s half %d', CASE h WHEN 1 THEN 'First' ELSE 'Second' END, y)
FROM range(2015, 2041) AS ty(y), range(1, 3) AS th(h)
UNION ALL
SELECT y * 1000 + 400, printf('%d-9M', y), 'nine_months', y, 1,
       make_date(y, 1, 1), make_date(y, 9, 30),
       printf('9 tháng năm %d', y), printf('Nine months %d', y)
FROM range(2015, 2041) AS ty(y)
UNION ALL
SELECT y * 1000 + 500, printf('%d', y), 'year', y, 1,
       make_date(y, 1, 1), make_date(y, 12, 31),
       printf('Năm %d', y), printf('Year %d', y)
FROM range(2015, 2041) AS ty(y)
UNION ALL
SELECT 9000000 + y, printf('%d-%d', y, y + 4), 'term', y, 1,
       make_date(y, 1, 1), make_date(y + 4, 12, 31),
       printf('Nhiệm kỳ %d-%d', y, y + 4), printf('Term %d-%d', y, y + 4)
FROM range(2016, 2037, 5) AS tt(y);
