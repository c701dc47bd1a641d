import { Alert, Checkbox, Empty, Modal, Spin, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { AreaView, MergeResult } from "../../../api/area-types";
import { useRemote } from "../../../api/use-remote";
import { ActionError } from "../../../components/areas/ActionError";
import { listChildren } from "../../../components/areas/area-api";
import { useAction } from "../../../components/areas/use-action";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";

/**
 * Merges sibling areas (same parent, same level) into this one (`POST /api/areas/merge`):
 * its boundary becomes the union, their children move to it, and they are retired.
 */
export function MergeModal({
  area,
  open,
  onClose,
  onDone,
}: {
  area: AreaView;
  open: boolean;
  onClose: () => void;
  onDone: (result: MergeResult) => void;
}) {
  const t = useT();
  const [picked, setPicked] = useState<string[]>([]);
  const action = useAction();
  const parent = area.parent;
  const siblings = useRemote(open && parent ? `areas:siblings:${parent}` : null, () =>
    listChildren(parent as string),
  );
  const options = (siblings.data ?? [])
    .filter((a) => a.code !== area.code && a.level === area.level)
    .map((a) => ({ value: a.code, label: `${a.name}（${a.code}）` }));

  const submit = async () => {
    if (picked.length === 0) return;
    const done = await action.run(() =>
      api.post<MergeResult>("/api/areas/merge", { codes: [area.code, ...picked], into: area.code }),
    );
    if (done) onDone(done.value);
  };

  return (
    <Modal
      open={open}
      title={t("areas.mergeTitle", { name: area.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("areas.merge")}
      okButtonProps={{ disabled: picked.length === 0, danger: true }}
      confirmLoading={action.busy}
      destroyOnHidden
    >
      <ActionError error={action.error} />
      <Typography.Paragraph type="secondary">
        {t("areas.mergeHint", { name: area.name })}
      </Typography.Paragraph>
      {!parent ? <Alert type="info" showIcon title={t("areas.mergeRoot")} /> : null}
      {siblings.error ? <ErrorAlert error={siblings.error} onRetry={siblings.reload} /> : null}
      {siblings.loading ? <Spin /> : null}
      {siblings.data && options.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("areas.noSiblings")} />
      ) : null}
      <div style={{ maxHeight: 320, overflowY: "auto" }}>
        <Checkbox.Group
          style={{ display: "flex", flexDirection: "column", gap: 6 }}
          options={options}
          value={picked}
          onChange={(v) => setPicked(v)}
        />
      </div>
      {picked.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t("areas.mergeConfirm", { count: picked.length, name: area.name })}
        />
      ) : null}
    </Modal>
  );
}
