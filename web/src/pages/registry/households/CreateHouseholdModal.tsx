import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { HouseholdView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { AreaFilter } from "../shared/AreaFilter";
import { fieldErrorsOf } from "../shared/form-errors";

interface Values {
  code?: string;
  address: string;
  areaCode?: string;
  note?: string;
}

/** Opens a new household file (一户一档): register number, address, area; members are added on the file. */
export function CreateHouseholdModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const body = Object.fromEntries(
        Object.entries({
          code: v.code?.trim(),
          address: v.address.trim(),
          areaCode: v.areaCode,
          note: v.note?.trim(),
        }).filter(([, x]) => x),
      );
      const created = await api.post<HouseholdView>("/api/households", body);
      onCreated(created.id);
    } catch (e) {
      setError(e);
      form.setFields(
        fieldErrorsOf(e, lang, ["code", "address", "areaCode", "note"]).map((f) => ({
          name: f.name as never,
          errors: f.errors,
        })),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("registry.household.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="address"
          label={t("registry.field.address")}
          rules={[{ required: true, whitespace: true, message: t("registry.form.required") }, { max: 300 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t("registry.household.code")} extra={t("registry.household.codeHint")}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="areaCode" label={t("registry.field.area")} extra={t("registry.household.areaHint")}>
          <AreaFilter />
        </Form.Item>
        <Form.Item name="note" label={t("registry.field.note")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
