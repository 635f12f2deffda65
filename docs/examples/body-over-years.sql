-- One body's table 3 over the years, one row per year × row of the table (total column).
-- Change :agency to any part of a body's name, e.g. nianbao query --file docs/examples/body-over-years.sql --param agency=兖州区民政局
SELECT year, row_key, value, raw, report_id
FROM current_cells_v
WHERE agency_name LIKE '%' || :agency || '%'
  AND tbl = 't3' AND col_key = 'total'
ORDER BY year, row_key;
