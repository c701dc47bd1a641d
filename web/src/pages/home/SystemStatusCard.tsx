import { DashboardOutlined } from "@ant-design/icons";
import { Badge, Card, Descriptions } from "antd";
import { api } from "../../api/client";
import type { Health } from "../../api/types";
import { useRemote } from "../../api/use-remote";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useT } from "../../i18n/I18nProvider";
import { splitUptime } from "../../lib/time";

/** Live system status from `GET /api/health`, for administrators. */
export function SystemStatusCard() {
  const t = useT();
  const health = useRemote("/api/health", () => api.get<Health>("/api/health"));
  const h = health.data;
  return (
    <Card
      title={
        <span>
          <DashboardOutlined /> {t("card.admin.status")}
        </span>
      }
      loading={health.loading && !h}
      extra={<a onClick={health.reload}>{t("common.refresh")}</a>}
    >
      {health.error ? <ErrorAlert error={health.error} /> : null}
      {h ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: "status",
              label: t("status.status"),
              children: <Badge status={h.status === "ok" ? "success" : "error"} text={h.status} />,
            },
            { key: "engine", label: t("status.engine"), children: h.engine },
            {
              key: "migration",
              label: t("status.migration"),
              children: String(h.migration ?? t("common.none")),
            },
            {
              key: "uptime",
              label: t("status.uptime"),
              children: t("status.uptimeValue", splitUptime(h.uptimeSeconds)),
            },
            { key: "version", label: t("status.version"), children: h.version ?? t("common.none") },
            {
              key: "demo",
              label: t("status.demo"),
              children: h.demo ? t("common.yes") : t("common.no"),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
