import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Switch,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, ApiError } from "../../../api/client";
import type { PersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { codeOptions } from "../shared/codes";
import { isStale, recordUrl } from "../shared/registry-api";
import { useIsPhone } from "../shared/use-phone";
import {
  buildPersonPatch,
  isEmptyPatch,
  quickEditInitial,
  rebaseEdits,
  type QuickEditValues,
} from "./person-patch";

interface DeregisterValues {
  reason: "moved_away" | "died" | "other";
  on: Dayjs;
  note?: string;
}

/**
 * Quick edit of a person on a phone screen: phone, address, occupation, resident type, living
 * alone; or their deregistration (moved away, died). Saves with the version read; when someone
 * else changed the person meanwhile (409) it offers to load the latest and edit again.
 */
export function PersonEditDrawer({
  person: initial,
  open,
  onClose,
  onSaved,
}: {
  person: PersonView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuickEditValues>();
  const [leaveForm] = Form.useForm<DeregisterValues>();
  const [person, setPerson] = useState<PersonView | null>(initial);
  const [mode, setMode] = useState<"edit" | "deregister">("edit");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const stale = isStale(error);

  if (!person) return null;

  const reload = async () => {
    try {
      const fresh = await api.get<PersonView>(recordUrl("persons", person.id));
      const typed = form.getFieldsValue();
      setPerson(fresh);
      form.setFieldsValue(rebaseEdits(quickEditInitial(person), typed, quickEditInitial(fresh)));
      setError(null);
      message.info(t("registry.edit.reloaded"));
    } catch (e) {
      setError(e);
    }
  };

  const fail = (e: unknown, f: typeof form | typeof leaveForm) => {
    setError(e);
    if (e instanceof ApiError && e.field && e.field !== "version" && f.getFieldInstance(e.field as never))
      f.setFields([{ name: e.field as never, errors: [errorText(e)] }]);
  };

  const save = async (values: QuickEditValues) => {
    const patch = buildPersonPatch(person, values);
    if (isEmptyPatch(patch)) {
      message.info(t("registry.edit.nothing"));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await api.patch<PersonView>(recordUrl("persons", person.id), patch);
      message.success(t("common.saved"));
      onSaved(saved);
    } catch (e) {
      fail(e, form);
    } finally {
      setSaving(false);
    }
  };

  const deregister = async (values: DeregisterValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.post<PersonView>(recordUrl("persons", person.id, "/deregister"), {
        reason: values.reason,
        on: values.on.format("YYYY-MM-DD"),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      message.success(t("registry.deregister.done", { name: person.name }));
      onSaved(saved);
    } catch (e) {
      fail(e, leaveForm);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t("registry.edit.title", { name: person.name })}
      placement={isPhone ? "bottom" : "right"}
      size={isPhone ? "88%" : 440}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          {mode === "edit" ? (
            <Button type="primary" loading={saving} disabled={stale} onClick={() => form.submit()}>
              {t("common.save")}
            </Button>
          ) : (
            <Button danger type="primary" loading={saving} onClick={() => leaveForm.submit()}>
              {t("registry.deregister.submit")}
            </Button>
          )}
        </Space>
      }
    >
      {person.can.deregister ? (
        <Segmented
          block
          value={mode}
          onChange={(v) => {
            setMode(v as "edit" | "deregister");
            setError(null);
          }}
          options={[
            { value: "edit", label: t("registry.edit.tabEdit") },
            { value: "deregister", label: t("registry.edit.tabDeregister") },
          ]}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          title={t("registry.edit.stale")}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t("registry.edit.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : error ? (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      ) : null}

      {mode === "edit" ? (
        <Form<QuickEditValues>
          form={form}
          layout="vertical"
          initialValues={quickEditInitial(person)}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="phone"
            label={t("registry.field.phone")}
            extra={
              person.phone
                ? t("registry.edit.phoneNow", { phone: person.phone })
                : t("registry.edit.phoneNone")
            }
            rules={[{ pattern: /^[\d\s+-]{7,20}$/, message: t("registry.edit.phoneRule") }]}
          >
            <Input inputMode="tel" autoComplete="off" placeholder={t("registry.edit.phonePlaceholder")} />
          </Form.Item>
          <Form.Item name="currentAddress" label={t("registry.field.currentAddress")} rules={[{ max: 200 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Form.Item name="occupation" label={t("registry.field.occupation")} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="workplace" label={t("registry.field.workplace")} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="residentType" label={t("registry.field.residentType")}>
            <Select options={codeOptions("resident-type", lang)} />
          </Form.Item>
          <Form.Item name="livesAlone" label={t("registry.field.livesAlone")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("registry.edit.moreOnFile")}
          </Typography.Text>
        </Form>
      ) : (
        <Form<DeregisterValues>
          form={leaveForm}
          layout="vertical"
          initialValues={{ reason: "moved_away" }}
          onFinish={(v) => void deregister(v)}
        >
          <Alert type="info" showIcon title={t("registry.deregister.hint")} style={{ marginBottom: 16 }} />
          <Form.Item name="reason" label={t("registry.deregister.reason")} rules={[{ required: true }]}>
            <Segmented
              block
              options={codeOptions("deregistration-reason", lang, ["moved_away", "died", "other"])}
            />
          </Form.Item>
          <Form.Item
            name="on"
            label={t("registry.deregister.on")}
            rules={[{ required: true, message: t("registry.deregister.onRule") }]}
          >
            <DatePicker
              style={{ width: "100%" }}
              inputReadOnly={isPhone}
              disabledDate={(d) => d.isAfter(new Date(), "day")}
            />
          </Form.Item>
          <Form.Item name="note" label={t("registry.deregister.note")} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} showCount maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
