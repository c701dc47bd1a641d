import { Empty, Spin, Timeline, Typography } from "antd";
import { api } from "../../../api/client";
import type { ChangeView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";
import { changeLines, newestFirst, type HistoryValue } from "./history";
import { actionLabel, fieldLabel, statusLabel } from "./labels";

/** Nested fields whose label differs from the field of the same name (the floating registration's). */
const NESTED: Record<string, string> = { reason: "floatingReason", origin: "floatingOrigin" };

/** A record's change history (who, when, what before and after), newest first; loads `url`. */
export function HistoryTimeline({ url, reloadKey = 0 }: { url: string; reloadKey?: number }) {
  const t = useT();
  const { lang } = useLang();
  const history = useRemote(`${url}#${reloadKey}`, () => api.get<{ items: ChangeView[] }>(url));
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Spin />;
  const rows = newestFirst(history.data.items);
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.history.none")} />;

  const value = (v: HistoryValue) =>
    v.kind === "empty" ? (
      <Typography.Text type="secondary">{t("registry.history.empty")}</Typography.Text>
    ) : v.kind === "sealed" ? (
      <Typography.Text type="secondary">{t("registry.history.sealed")}</Typography.Text>
    ) : v.kind === "link" ? (
      <Typography.Text type="secondary">{t("registry.history.link")}</Typography.Text>
    ) : (
      <Typography.Text>{v.text}</Typography.Text>
    );

  return (
    <Timeline
      items={rows.map((c) => {
        const lines = changeLines(c, {
          lang,
          yes: t("common.yes"),
          no: t("common.no"),
          label: (f) => fieldLabel(t, NESTED[f] ?? f),
          status: (code) => statusLabel(t, code),
        });
        return {
          key: c.id,
          content: (
            <div>
              <Typography.Text strong>{actionLabel(t, c.action)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatDateTime(c.at)} · {c.actorName ?? t("registry.history.system")}
              </Typography.Text>
              {lines.length > 0 ? (
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
                  {lines.map((l) => (
                    <li key={l.field}>
                      {t("registry.labelled", { label: fieldLabel(t, l.field) })}
                      {c.before ? <>{value(l.before)} → </> : null}
                      {value(l.after)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.reason ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t("registry.history.reason", { reason: c.reason })}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
