import { Form, Modal, Typography } from "antd";
import { api } from "../../../api/client";
import type { AreaView } from "../../../api/area-types";
import type { Area } from "../../../api/types";
import { ActionError } from "../../../components/areas/ActionError";
import { areaUrl } from "../../../components/areas/area-api";
import { AreaPicker } from "../../../components/areas/AreaPicker";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";

/** Moves an area with its whole subtree under another parent (`POST /api/areas/{code}/move`). */
export function MoveModal({
  area,
  roots,
  open,
  onClose,
  onDone,
}: {
  area: AreaView;
  roots: readonly Area[] | undefined;
  open: boolean;
  onClose: () => void;
  onDone: (parent: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ parent?: string }>();
  const action = useAction();

  const submit = async ({ parent }: { parent?: string }) => {
    if (!parent) return;
    const done = await action.run(() => api.post(areaUrl(area.code, "/move"), { parent }));
    if (done) onDone(parent);
  };

  return (
    <Modal
      open={open}
      title={t("areas.moveTitle", { name: area.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={action.busy}
      destroyOnHidden
    >
      <ActionError error={action.error} />
      <Typography.Paragraph type="secondary">{t("areas.moveHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="parent"
          label={t("areas.newParent")}
          rules={[{ required: true, message: t("areas.parentRequired") }]}
        >
          <AreaPicker roots={roots} disabledPath={area.path} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
