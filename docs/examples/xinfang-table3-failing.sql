-- Every report that mentions 信访 and whose table 3 does not add up.
-- 信访 has two characters, below the trigram index's three, so the text is matched with instr();
-- `nianbao search 信访 --failing-check t3` answers the same question with snippets.
SELECT s.report_id, s.agency_name, s.year, s.failing_t3_checks, s.failing_check_ids, s.url
FROM report_summary_v s
JOIN reports r ON r.id = s.report_id
WHERE instr(r.full_text, '信访') > 0
  AND s.failing_t3_checks > 0
ORDER BY s.year, s.agency_name;
