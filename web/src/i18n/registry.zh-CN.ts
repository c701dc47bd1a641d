/** Chinese UI strings of the registry pages. */
export const zhCNRegistry = {
  "nav.group.registry": "基础信息",
  "nav.households": "住户（一户一档）",
  "nav.persons": "人员",
  "nav.houses": "房屋",
  "nav.places": "场所",
  "nav.keyPersons": "重点人员",
  "nav.visits": "走访",
  "nav.imports": "导入导出",
} as const;
