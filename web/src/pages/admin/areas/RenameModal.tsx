import { Form, Input, Modal } from "antd";
import { api } from "../../../api/client";
import type { AreaView } from "../../../api/area-types";
import { ActionError } from "../../../components/areas/ActionError";
import { areaUrl } from "../../../components/areas/area-api";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";

/** Renames an area (`PATCH /api/areas/{code}` with a name); kept in its history. */
export function RenameModal({
  area,
  open,
  onClose,
  onDone,
}: {
  area: AreaView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ name: string }>();
  const action = useAction();

  const submit = async ({ name }: { name: string }) => {
    const trimmed = name.trim();
    if (trimmed === area.name) return onClose();
    const done = await action.run(() => api.patch(areaUrl(area.code), { name: trimmed }));
    if (done) onDone();
  };

  return (
    <Modal
      open={open}
      title={t("areas.renameTitle", { name: area.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={action.busy}
      destroyOnHidden
    >
      <ActionError error={action.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: area.name }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t("areas.name")}
          rules={[
            { required: true, whitespace: true, message: t("areas.nameRequired") },
            { max: 100, message: t("areas.nameTooLong") },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
