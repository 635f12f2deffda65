/** A list entry or link whose text says it is an annual disclosure report (research/portals.md §4 title variants). */
export const REPORT_TITLE = /(政府|政务)?信息公开(工作)?(年度)?(工作)?(报告|年报)|年度报告|年报/;

/** Text of a link that leads to annual reports (a 年报 menu, column or channel). */
export const REPORT_MENU_TEXT = /年报|年度报告/;

/**
 * Text of a link that is the entry to the disclosure area (政府信息公开, 政务公开, 信息公开目录 …), not one of its
 * items (指南, 制度, 年报 …). Whitespace removed before matching.
 */
export const DISCLOSURE_TEXT = /^(?:政务|政府信息|信息|政务信息)公开(?:目录|专栏|平台)?$/;

/** Does a title (list entry, link text, page heading) read as an annual disclosure report? Whitespace is ignored. */
export function isReportTitle(text: string): boolean {
  return REPORT_TITLE.test(text.replace(/\s+/g, ''));
}
