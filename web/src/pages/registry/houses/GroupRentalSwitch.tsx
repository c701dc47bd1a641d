import { Alert, App, Form, Input, Modal, Switch, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { HouseView } from "../../../api/registry-types";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { isStale, recordUrl } from "../shared/registry-api";

/**
 * The group-rental flag (群租房) of a house; editors set or clear it with a reason (e.g. after the
 * partition walls came down), saved at the version read.
 */
export function GroupRentalSwitch({ house, onChanged }: { house: HouseView; onChanged: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = !house.isGroupRental;

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.patch(recordUrl("houses", house.id), {
        version: house.version,
        isGroupRental: next,
        reason: reason.trim(),
      });
      message.success(t("common.saved"));
      setOpen(false);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  if (!house.can.edit)
    return <Typography.Text>{house.isGroupRental ? t("common.yes") : t("common.no")}</Typography.Text>;
  return (
    <>
      <Switch checked={house.isGroupRental} onChange={() => setOpen(true)} size="small" />
      <Modal
        open={open}
        title={next ? t("registry.house.markGroupRental") : t("registry.house.clearGroupRental")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("common.save")}
        confirmLoading={saving}
        destroyOnHidden
      >
        {error ? (
          <Alert
            type={isStale(error) ? "warning" : "error"}
            showIcon
            title={isStale(error) ? t("registry.edit.staleReload") : errorText(error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="reason"
            label={t("registry.house.groupRentalReason")}
            rules={[
              { required: true, whitespace: true, message: t("registry.house.groupRentalReasonRule") },
              { max: 200 },
            ]}
          >
            <Input.TextArea rows={3} showCount maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
