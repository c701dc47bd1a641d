import { Card, Space, Statistic, Tooltip, Typography } from "antd";
import { QuestionCircleOutlined } from "@ant-design/icons";
import { api, queryString } from "../../api/client";
import type { KpiDefinition, KpiReport } from "../../api/event-types";
import { useRemote } from "../../api/use-remote";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useLang, useT } from "../../i18n/I18nProvider";
import { formatKpi, STRIP_KPIS, totalRow } from "./kpi";
import "./supervision.css";

/**
 * A strip of the closed loop's KPIs (办结率, 按期办结率, 满意率, 网格自结案率, 超期在办数) for events received
 * in [from, to), optionally of one category (e.g. fire figures); names and formulas from the server's
 * one definition of each.
 */
export function KpiStrip({
  from,
  to,
  category,
  areaCode,
}: {
  from: Date;
  to: Date;
  category?: string;
  areaCode?: string;
}) {
  const t = useT();
  const { lang } = useLang();
  const url = `/api/kpis${queryString({ from: from.toISOString(), to: to.toISOString(), category, areaCode })}`;
  const report = useRemote(url, () => api.get<KpiReport>(url));
  const defs = useRemote("kpi-definitions", () =>
    api.get<{ items: KpiDefinition[] }>("/api/kpis/definitions"),
  );
  const row = report.data ? totalRow(report.data.rows) : undefined;
  const byId = new Map((defs.data?.items ?? []).map((d) => [d.id, d]));
  const pick = (m: { zh: string; en: string }) => (lang === "zh-CN" ? m.zh : m.en);

  if (report.error) return <ErrorAlert error={report.error} onRetry={report.reload} />;
  return (
    <div className="kpi-strip" data-testid="kpi-strip">
      {STRIP_KPIS.map((id) => {
        const def = byId.get(id);
        const unit = def?.unit ?? (id === "overdue_open" ? "count" : "ratio");
        const value = row?.values[id];
        return (
          <Card key={id} size="small" loading={!report.data && report.loading} data-kpi={id}>
            <Statistic
              title={
                <Space size={4}>
                  {def ? pick(def.name) : t(`events.kpi.${id}`)}
                  {def ? (
                    <Tooltip title={pick(def.description)}>
                      <QuestionCircleOutlined />
                    </Tooltip>
                  ) : null}
                </Space>
              }
              value={formatKpi(value, unit)}
              valueStyle={id === "overdue_open" && (value ?? 0) > 0 ? { color: "#cf1322" } : undefined}
            />
            {row && unit === "ratio" ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ratioBasis(id, row.counts, t)}
              </Typography.Text>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}

/** The numerator and denominator behind a ratio, so a percentage never stands alone. */
function ratioBasis(id: string, c: Record<string, number>, t: ReturnType<typeof useT>): string {
  const n = (k: string) => c[k] ?? 0;
  switch (id) {
    case "closure_rate":
      return t("events.kpi.basis", { n: n("closed"), d: n("dueToClose") });
    case "on_time_closure_rate":
      return t("events.kpi.basis", { n: n("closedOnTime"), d: n("dueToClose") });
    case "satisfaction_rate":
      return t("events.kpi.basis", { n: n("satisfied"), d: n("evaluated") });
    case "closed_in_grid_rate":
      return t("events.kpi.basis", { n: n("closedInGrid"), d: n("received") });
    default:
      return "";
  }
}
