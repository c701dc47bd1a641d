import { Button, Drawer, Empty, Modal, Spin, Timeline, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";
import type { ConfigDoc, ConfigKind, ConfigVersion } from "./config-types";

/** Every version of a settings document, newest first; any one can be opened to read. */
export function VersionsDrawer({
  kind,
  open,
  onClose,
}: {
  kind: ConfigKind;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const url = `/api/event-config/${kind}/versions`;
  const list = useRemote(open ? url : null, () => api.get<{ items: ConfigVersion[] }>(url));
  const [shown, setShown] = useState<number | null>(null);
  const one = useRemote(shown !== null ? `${url}/${shown}` : null, () =>
    api.get<ConfigDoc<ConfigKind>>(`${url}/${shown}`),
  );
  const items = list.data?.items ?? [];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={440}
      title={t("events.config.versionsOf", { kind: t(`events.config.tab.${kind}`) })}
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Spin /> : null}
      {list.data && items.length === 0 ? <Empty /> : null}
      <Timeline
        items={items.map((v, i) => ({
          key: v.version,
          color: i === 0 ? "green" : "gray",
          title: formatDateTime(v.createdAt),
          content: (
            <div>
              <Typography.Text strong>{t("events.config.versionN", { version: v.version })}</Typography.Text>
              {i === 0 ? (
                <Typography.Text type="success"> · {t("events.config.inForce")}</Typography.Text>
              ) : null}
              <div>{v.note ?? t("common.none")}</div>
              <Typography.Text type="secondary">{v.createdBy ?? t("events.config.builtIn")}</Typography.Text>
              <div>
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setShown(v.version)}>
                  {t("events.config.view")}
                </Button>
              </div>
            </div>
          ),
        }))}
      />
      <Modal
        open={shown !== null}
        onCancel={() => setShown(null)}
        footer={null}
        width={760}
        title={shown !== null ? t("events.config.versionN", { version: shown }) : ""}
      >
        {one.error ? <ErrorAlert error={one.error} /> : null}
        {one.data ? (
          <pre
            style={{ maxHeight: "60vh", overflow: "auto", fontSize: 12, background: "#fafafa", padding: 12 }}
          >
            {JSON.stringify(one.data.body, null, 2)}
          </pre>
        ) : (
          <Spin />
        )}
      </Modal>
    </Drawer>
  );
}
