import { Drawer, Empty, Spin, Tag, Timeline, Typography } from "antd";
import type { AreaChange, AreaView } from "../../../api/area-types";
import { api } from "../../../api/client";
import { useRemote } from "../../../api/use-remote";
import { areaUrl } from "../../../components/areas/area-api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { isMessageKey } from "../../../i18n/translate";
import { formatDateTime } from "../../../lib/time";
import { changeColor, describeChange } from "./history";

/** An area's history, newest first: imports, renames, redraws, moves, splits and merges. */
export function HistoryDrawer({
  area,
  open,
  onClose,
}: {
  area: AreaView;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const url = areaUrl(area.code, "/history");
  const history = useRemote(open ? url : null, () => api.get<{ items: AreaChange[] }>(url));
  const items = history.data?.items ?? [];

  return (
    <Drawer open={open} onClose={onClose} size={480} title={t("areas.historyTitle", { name: area.name })}>
      {history.error ? <ErrorAlert error={history.error} onRetry={history.reload} /> : null}
      {history.loading && !history.data ? <Spin /> : null}
      {history.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("areas.noHistory")} />
      ) : null}
      <Timeline
        items={items.map((change, i) => {
          const text = describeChange(change);
          const kindKey = `change.${change.kind}`;
          return {
            key: i,
            color: changeColor(change.kind),
            content: (
              <div>
                <div>
                  <Tag color={changeColor(change.kind)}>
                    {isMessageKey(kindKey) ? t(kindKey) : change.kind}
                  </Tag>
                  <Typography.Text type="secondary">{formatDateTime(change.at)}</Typography.Text>
                </div>
                <div style={{ marginTop: 4 }}>{t(text.key, text.vars)}</div>
                {change.importId ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("areas.importId", { id: change.importId })}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </Drawer>
  );
}
