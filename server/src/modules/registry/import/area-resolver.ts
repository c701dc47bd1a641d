/**
 * The area of each imported row: the grid code it names, else the smallest area holding its point,
 * else the area of the record it refers to (a person's house), else the import's default area.
 * The area must be active and in the importer's scope for imports; otherwise the row has a problem.
 * Codes are looked up once per import; points through the in-memory area index.
 */
import { inArray } from "drizzle-orm";
import { can, inScope } from "../../../core/authorize";
import { areas } from "../../../db/schema";
import { locatorFor } from "../../areas/locator";
import type { RowProblem } from "./columns";
import type { ImportEnv, LocatedArea, PreparedRow } from "./kind";

interface KnownArea extends LocatedArea {
  validTo: string | null;
}

export class AreaResolver {
  private readonly byCode = new Map<string, KnownArea | null>();

  constructor(
    private readonly env: ImportEnv,
    private readonly defaultArea: LocatedArea | null,
    /** The Chinese header of the grid-code column, for messages. */
    private readonly header = "所属网格编码",
  ) {}

  private async load(codes: string[]) {
    const wanted = [...new Set(codes)].filter((c) => !this.byCode.has(c));
    if (wanted.length === 0) return;
    const rows = await this.env.tx
      .select({ id: areas.id, code: areas.code, path: areas.path, validTo: areas.validTo })
      .from(areas)
      .where(inArray(areas.code, wanted));
    for (const c of wanted) this.byCode.set(c, null);
    for (const r of rows) this.byCode.set(r.code, { areaId: r.id, areaPath: r.path, validTo: r.validTo });
  }

  private problem(row: number, field: string, code: string, zh: string, en: string): RowProblem {
    const column = field === "areaCode" ? this.header : field === "lat" ? "纬度" : undefined;
    return { row, field, code, message: { zh, en }, ...(column ? { column } : {}) };
  }

  /** Sets `area` (and extra.areaFrom) on every row it can place; returns the problems of the others. */
  async resolve(rows: PreparedRow[]): Promise<RowProblem[]> {
    const out: RowProblem[] = [];
    await this.load(rows.map((r) => r.where.areaCode).filter((c): c is string => !!c));
    for (const r of rows) {
      let area: LocatedArea | undefined;
      let field = "areaCode";
      let from: "row" | "house" | "default" = "row";
      if (r.where.areaCode) {
        const known = this.byCode.get(r.where.areaCode);
        if (!known || (known.validTo && known.validTo <= this.env.today)) {
          out.push(
            this.problem(
              r.row,
              "areaCode",
              "AREA_UNKNOWN",
              `${this.header}“${r.where.areaCode}”不存在或已撤销`,
              `There is no current area with the code ${r.where.areaCode}`,
            ),
          );
          continue;
        }
        area = known;
      } else if (r.where.lat !== undefined && r.where.lng !== undefined) {
        field = "lat";
        const hit = await locatorFor(this.env.services).locate(r.where.lng, r.where.lat, this.env.tx);
        if (hit) {
          await this.load([hit.code]);
          area = this.byCode.get(hit.code) ?? undefined;
        }
        if (!area) {
          out.push(
            this.problem(
              r.row,
              "lat",
              "OUTSIDE_AREAS",
              "坐标不在任何辖区范围内：请核对经纬度（WGS84），或填写所属网格编码",
              "The point lies outside all areas: check the longitude and latitude (WGS84), or give the grid code",
            ),
          );
          continue;
        }
      } else if (r.fallback) {
        area = r.fallback;
        from = "house";
      } else if (this.defaultArea) {
        area = this.defaultArea;
        from = "default";
      } else {
        out.push(
          this.problem(
            r.row,
            "areaCode",
            "OUTSIDE_AREAS",
            "地址不在任何辖区范围内：请填写所属网格编码（或经纬度），或在导入时选择默认区域",
            "The address lies outside all areas: give the grid code (or a point), or choose a default area for the import",
          ),
        );
        continue;
      }
      if (!can(this.env.actor, "registry.import", { areaPath: area.areaPath })) {
        out.push(
          inScope(this.env.actor, area.areaPath)
            ? this.problem(
                r.row,
                field,
                "FORBIDDEN",
                "您无权向该区域导入",
                "You may not import into this area",
              )
            : this.problem(
                r.row,
                field,
                "AREA_OUT_OF_SCOPE",
                "所属区域不在您的管辖范围内",
                "The area is outside your scope",
              ),
        );
        continue;
      }
      r.area = { areaId: area.areaId, areaPath: area.areaPath };
      r.extra.areaFrom = from;
    }
    return out;
  }
}
