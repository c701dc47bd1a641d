import { Alert, App, Button, DatePicker, Drawer, Form, Input, Segmented, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api, ApiError } from "../../../api/client";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { codeOptions } from "./codes";
import { useIsPhone } from "./use-phone";

interface VisitValues {
  method: string;
  doneAt: Dayjs;
  note: string;
}

/**
 * Records a visit (走访) made to a key person, household or place: how, when, and what was found.
 * `url` is where the visit is posted; `subject` names whom it was, for the title.
 */
export function VisitDrawer({
  open,
  url,
  extraBody,
  subject,
  dueOn,
  onClose,
  onSaved,
}: {
  open: boolean;
  url: string;
  /** Fields the endpoint needs beside the visit, e.g. `{ subjectType, subjectId }` for POST /api/visits. */
  extraBody?: Record<string, unknown>;
  subject: string;
  dueOn?: string | null;
  onClose: () => void;
  /** Called with the server's answer (the recorded visit). */
  onSaved: (answer: unknown) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: VisitValues) => {
    setSaving(true);
    setError(null);
    try {
      const answer = await api.post<unknown>(url, {
        ...extraBody,
        method: v.method,
        doneAt: v.doneAt.toISOString(),
        note: v.note.trim(),
      });
      message.success(t("registry.visit.saved"));
      onSaved(answer);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.field && ["method", "doneAt", "note"].includes(e.field))
        form.setFields([{ name: e.field as keyof VisitValues, errors: [errorText(e)] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t("registry.visit.title", { name: subject })}
      placement={isPhone ? "bottom" : "right"}
      size={isPhone ? "85%" : 440}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("registry.visit.submit")}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      {dueOn ? (
        <Typography.Paragraph type="secondary">
          {t("registry.visit.dueOn", { date: dueOn })}
        </Typography.Paragraph>
      ) : null}
      <Form<VisitValues>
        form={form}
        layout="vertical"
        initialValues={{ method: "in_person", doneAt: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="method" label={t("registry.visit.method")} rules={[{ required: true }]}>
          <Segmented
            block
            options={codeOptions("visit-method", lang, ["in_person", "phone", "joint", "other"])}
          />
        </Form.Item>
        <Form.Item
          name="doneAt"
          label={t("registry.visit.doneAt")}
          rules={[{ required: true, message: t("registry.visit.doneAtRule") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
            inputReadOnly={isPhone}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("registry.visit.note")}
          rules={[{ required: true, whitespace: true, message: t("registry.visit.noteRule") }, { max: 2000 }]}
        >
          <Input.TextArea
            rows={5}
            showCount
            maxLength={2000}
            placeholder={t("registry.visit.notePlaceholder")}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
