import { Descriptions, Form, Modal } from "antd";
import { api } from "../../../api/client";
import type { UnassignedItem } from "../../../api/area-types";
import type { Area } from "../../../api/types";
import { ActionError } from "../../../components/areas/ActionError";
import { AreaPicker } from "../../../components/areas/AreaPicker";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";
import { formatPosition } from "../../../components/areas/problems";

/** Gives a queued record its area by hand (`POST /api/areas/unassigned/{id}/assign`). */
export function AssignModal({
  item,
  roots,
  onClose,
  onDone,
}: {
  item: UnassignedItem | null;
  roots: readonly Area[] | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ areaCode?: string }>();
  const action = useAction();

  const submit = async ({ areaCode }: { areaCode?: string }) => {
    if (!item || !areaCode) return;
    const done = await action.run(() =>
      api.post(`/api/areas/unassigned/${encodeURIComponent(item.id)}/assign`, { areaCode }),
    );
    if (done) onDone();
  };

  return (
    <Modal
      open={item !== null}
      title={t("unassigned.assignTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={action.busy}
      destroyOnHidden
      width={600}
    >
      <ActionError error={action.error} />
      {item ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "source",
              label: t("unassigned.source"),
              children: `${item.sourceType} #${item.sourceId}`,
            },
            { key: "address", label: t("unassigned.address"), children: item.address ?? t("common.none") },
            {
              key: "position",
              label: t("unassigned.position"),
              children:
                item.lat !== null && item.lng !== null
                  ? formatPosition([item.lng, item.lat])
                  : t("common.none"),
            },
          ]}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="areaCode"
          label={t("unassigned.area")}
          rules={[{ required: true, message: t("unassigned.areaRequired") }]}
        >
          <AreaPicker roots={roots} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
