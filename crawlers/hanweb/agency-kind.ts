import type { AgencyKind } from '../portal-config.ts';

/**
 * Guess an agency's kind from its name: 乡镇/街道 bodies, a government as a whole (本级政府), or a department.
 * The guess only fills a blank: config and the user's list win.
 */
export function inferAgencyKind(name: string): AgencyKind | null {
  const compact = name.replace(/\s+/g, '');
  if (compact === '') return null;
  if (/(镇|乡|街道)(人民政府|办事处)?$/.test(compact) || /(镇|乡)人民政府|街道办事处/.test(compact)) return '乡镇街道';
  if (/(省|市|区|县|旗)人民政府$/.test(compact)) return '本级政府';
  return '部门';
}
