-- Which bodies in 济宁 refused the most applications in 2023?
-- "Refused" = 不予公开 (withheld, table 3 rows （三）1–8) plus 不予处理 (rejected, rows （五）1–5), total column.
-- Bodies whose table 3 could not be read (image or PDF tables not yet OCR'd) have NULL and sort last.
SELECT agency_name, agency_kind, withheld, rejected,
       withheld + rejected AS refused,
       applications_new, report_id
FROM report_summary_v
WHERE year = 2023
  AND (agency_name LIKE '%济宁%' OR portal_name LIKE '%济宁%')
ORDER BY refused IS NULL, refused DESC, agency_name;
