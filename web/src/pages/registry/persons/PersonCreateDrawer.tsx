import { Alert, App, Button, Drawer, Form, Space } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { PersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { fieldErrorsOf } from "../shared/form-errors";
import { useIsPhone } from "../shared/use-phone";
import { NEW_PERSON_INITIAL, newPersonBody, PersonFields, type NewPersonValues } from "./PersonFields";

/** Registers a person (POST /api/persons); every field problem the server finds is shown on its field. */
export function PersonCreateDrawer({
  open,
  where,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** Where the person lives: a house, or else an area (default: the worker's own). */
  where?: { houseId?: string | null; areaCode?: string | null; currentAddress?: string | null };
  onClose: () => void;
  onCreated: (person: PersonView) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewPersonValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: NewPersonValues) => {
    setSaving(true);
    setError(null);
    try {
      const person = await api.post<PersonView>("/api/persons", newPersonBody(v, where));
      message.success(t("registry.person.created", { name: person.name }));
      onCreated(person);
    } catch (e) {
      setError(e);
      form.setFields(fieldErrorsOf(e, lang).map((f) => ({ name: f.name as never, errors: f.errors })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t("registry.person.create")}
      placement={isPhone ? "bottom" : "right"}
      size={isPhone ? "92%" : 560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<NewPersonValues>
        form={form}
        layout="vertical"
        initialValues={{ ...NEW_PERSON_INITIAL, currentAddress: where?.currentAddress ?? undefined }}
        onFinish={(v) => void submit(v)}
      >
        <PersonFields />
      </Form>
    </Drawer>
  );
}
