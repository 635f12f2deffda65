/** Printed label of each table-2 row group (the `<group>` of `t2.<group>.<column>`), as the templates word it. */
export const T2_GROUP_LABELS: Readonly<Record<string, string>> = {
  rules: '规章',
  normative: '规范性文件',
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
  procurement: '政府集中采购',
};
