import type { RouteUnit, RoutingDoc, RoutingRule } from "./event-config-types";

const lead = (u: RouteUnit): RouteUnit => ({ ...u, role: "lead", required: true });
const assist = (u: RouteUnit, required = false): RouteUnit => ({ ...u, role: "assist", required });

const gridWorker: RouteUnit = { teamRole: "grid_worker" };
const fireStation: RouteUnit = { teamRole: "fire_station" };
const police: RouteUnit = { police: true };
const kind = (departmentKind: string): RouteUnit => ({ departmentKind });

/**
 * Default routing (分级分类): small matters stay with the grid (小事不出格), city-management matters go to
 * the street's enforcement squad, police matters to the police district's officer (警网融合), alarms to the
 * fire micro-station and the grid worker at once. Urgent and critical matters skip the ladder: they are
 * handled at least at street level (越级). Units name department kinds, resolved to the department nearest
 * the event's area at dispatch, so the defaults work in any deployment.
 */
const RULES: RoutingRule[] = [
  { id: "default", name: "其他事项：社区受理", level: "community", units: [] },
  { id: "appearance", name: "市容环境：网格自办", category: "01", level: "grid", units: [lead(gridWorker)] },
  { id: "adverts", name: "宣传广告：网格自办", category: "02", level: "grid", units: [lead(gridWorker)] },
  {
    id: "construction",
    name: "施工管理：城管中队",
    category: "03",
    level: "street",
    units: [lead(kind("urban"))],
  },
  {
    id: "street-order",
    name: "街面秩序：城管中队",
    category: "04",
    level: "street",
    units: [lead(kind("urban")), assist(gridWorker)],
  },
  {
    id: "emergency",
    name: "突发事件：街道统筹",
    category: "05",
    level: "street",
    units: [lead(kind("urban")), assist(gridWorker)],
  },
  {
    id: "emergency-fire",
    name: "火灾：消防站与网格联动",
    category: "0501",
    level: "street",
    units: [lead(kind("fire")), assist(fireStation, true), assist(gridWorker, true)],
    autoDispatch: true,
  },
  {
    id: "emergency-gas",
    name: "燃气泄漏：燃气公司与消防联动",
    category: "0502",
    level: "street",
    units: [lead(kind("gas")), assist(fireStation, true), assist(gridWorker, true)],
    autoDispatch: true,
  },
  {
    id: "facilities",
    name: "设施部件：城管中队",
    category: "06",
    level: "street",
    units: [lead(kind("urban"))],
  },
  {
    id: "disputes",
    name: "矛盾纠纷：社区调解，司法所指导",
    category: "07",
    level: "community",
    units: [lead(gridWorker), assist(kind("justice"))],
  },
  {
    id: "disputes-labour",
    name: "劳资纠纷：人社所与司法所",
    category: "0703",
    level: "street",
    units: [lead(kind("labour")), assist(kind("justice"))],
  },
  {
    id: "disputes-family",
    name: "婚姻家庭纠纷：妇联与网格",
    category: "0701",
    level: "community",
    units: [lead(kind("women")), assist(gridWorker)],
  },
  {
    id: "public-order",
    name: "治安：警务区民警（警网融合）",
    category: "08",
    level: "community",
    units: [lead(police), assist(gridWorker)],
  },
  {
    id: "fire-safety",
    name: "消防隐患：消防微站与网格",
    category: "09",
    level: "grid",
    units: [lead(fireStation), assist(gridWorker)],
  },
  {
    id: "fire-alarm",
    name: "烟感报警：消防站、消防微站、网格员同时派出",
    category: "0905",
    level: "street",
    units: [lead(kind("fire")), assist(fireStation, true), assist(gridWorker, true)],
    autoDispatch: true,
  },
  {
    id: "fire-critical",
    name: "紧急消防险情：立即派出",
    category: "09",
    urgency: ["urgent", "critical"],
    level: "street",
    units: [lead(kind("fire")), assist(fireStation, true), assist(gridWorker, true)],
    autoDispatch: true,
  },
  { id: "gas", name: "燃气隐患：燃气公司", category: "10", level: "street", units: [lead(kind("gas"))] },
  {
    id: "gas-critical",
    name: "燃气险情：燃气公司、消防微站、网格员同时派出",
    category: "10",
    urgency: ["urgent", "critical"],
    level: "street",
    units: [lead(kind("gas")), assist(fireStation, true), assist(gridWorker, true)],
    autoDispatch: true,
  },
  {
    id: "rentals",
    name: "出租房屋：网格员与民警",
    category: "11",
    level: "community",
    units: [lead(gridWorker), assist(police)],
  },
  {
    id: "key-persons",
    name: "重点人员：民警与网格员",
    category: "12",
    level: "community",
    units: [lead(police), assist(gridWorker, true)],
  },
  { id: "petitions", name: "信访：街道统筹", category: "13", level: "street", units: [] },
  {
    id: "family",
    name: "家事：妇联与网格员",
    category: "14",
    level: "community",
    units: [lead(kind("women")), assist(gridWorker)],
  },
  {
    id: "family-violence",
    name: "家庭暴力：民警、妇联、网格员",
    category: "1401",
    level: "community",
    units: [lead(police), assist(kind("women"), true), assist(gridWorker)],
  },
  {
    id: "non-police",
    name: "110 非警务求助：交网格（早预响、晚回响）",
    category: "15",
    level: "grid",
    units: [lead(gridWorker)],
    autoDispatch: true,
  },
  { id: "services", name: "民生服务：社区", category: "16", level: "community", units: [lead(gridWorker)] },
];

export const DEFAULT_ROUTING: RoutingDoc = {
  rules: RULES,
  skipLevel: { urgent: "street", critical: "street" },
  iot: {
    smoke: { category: "0905", urgency: "critical", name: { zh: "烟感报警", en: "Smoke alarm" } },
    heat: { category: "0905", urgency: "critical", name: { zh: "温感报警", en: "Heat alarm" } },
    gas: { category: "1003", urgency: "critical", name: { zh: "燃气报警", en: "Gas alarm" } },
    co: { category: "1003", urgency: "critical", name: { zh: "一氧化碳报警", en: "Carbon monoxide alarm" } },
    water: { category: "0504", urgency: "urgent", name: { zh: "水浸报警", en: "Water leak alarm" } },
  },
};
