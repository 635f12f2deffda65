-- How did 兖州区's numbers change from 2019 to 2025?
-- Table 3 and 4 totals of every 兖州区 body, summed per report year. `reports_with_tables` counts the reports whose
-- tables were read; the others (image or PDF tables) add NULL, not 0.
SELECT year,
       count(*) AS reports,
       count(applications_new) AS reports_with_tables,
       sum(applications_new) AS applications_new,
       sum(disclosed) AS disclosed,
       sum(withheld) AS withheld,
       sum(rejected) AS rejected,
       sum(handled_total) AS handled_total,
       sum(reviews) AS reviews,
       sum(suits) AS suits
FROM report_summary_v
WHERE (agency_name LIKE '%兖州区%' OR portal_name LIKE '%兖州%')
  AND year BETWEEN 2019 AND 2025
GROUP BY year
ORDER BY year;
