import { Alert, Form, InputNumber, Modal, Segmented, Select } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { KeyPersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { codeOptions } from "../shared/codes";
import { isStale, recordUrl } from "../shared/registry-api";

interface Values {
  attentionLevel: string;
  employed: "yes" | "no" | "unknown";
  visitIntervalDays: number;
}

/**
 * Changes what the centre's measures count of a key person: attention level, whether they are
 * employed now, and the days between visits; saved at the version read (409 when stale).
 */
export function KeyPersonEditModal({
  kp,
  onClose,
  onSaved,
}: {
  kp: KeyPersonView;
  onClose: () => void;
  onSaved: (next: KeyPersonView) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    const employed = v.employed === "unknown" ? null : v.employed === "yes";
    const patch: Record<string, unknown> = { version: kp.version };
    if (v.attentionLevel !== kp.attentionLevel) patch.attentionLevel = v.attentionLevel;
    if (employed !== kp.employed) patch.employed = employed;
    if (v.visitIntervalDays !== kp.visitIntervalDays) patch.visitIntervalDays = v.visitIntervalDays;
    if (Object.keys(patch).length === 1) return onClose();
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.patch<KeyPersonView>(recordUrl("key-persons", kp.id), patch));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("registry.kp.editTitle")}
      onCancel={onClose}
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
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          attentionLevel: kp.attentionLevel,
          employed: kp.employed === null ? "unknown" : kp.employed ? "yes" : "no",
          visitIntervalDays: kp.visitIntervalDays,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="attentionLevel" label={t("registry.kp.level")}>
          <Select options={codeOptions("attention-level", lang, ["01", "02", "03"])} />
        </Form.Item>
        <Form.Item
          name="employed"
          label={t("registry.kp.employment")}
          extra={t("registry.kp.employmentHint")}
        >
          <Segmented
            block
            options={[
              { value: "yes", label: t("registry.kp.employedYes") },
              { value: "no", label: t("registry.kp.employedNo") },
              { value: "unknown", label: t("registry.kp.employmentUnknown") },
            ]}
          />
        </Form.Item>
        <Form.Item name="visitIntervalDays" label={t("registry.kp.interval")} rules={[{ required: true }]}>
          <InputNumber min={1} max={366} style={{ width: "100%" }} suffix={t("registry.kp.days")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
