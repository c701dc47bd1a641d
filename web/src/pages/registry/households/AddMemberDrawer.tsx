import { Alert, App, Button, DatePicker, Drawer, Form, Segmented, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../../api/client";
import type { HouseholdView, PersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import {
  NEW_PERSON_INITIAL,
  newPersonBody,
  PersonFields,
  type NewPersonValues,
} from "../persons/PersonFields";
import { codeOptions } from "../shared/codes";
import { fieldErrorsOf } from "../shared/form-errors";
import { PersonPicker } from "../shared/PersonPicker";
import { recordUrl } from "../shared/registry-api";
import { useIsPhone } from "../shared/use-phone";

type Values = NewPersonValues & { personId?: string; relation: string; joinedOn?: Dayjs };

/**
 * Adds a member to a household: someone already registered (searched by name, initials, ID or
 * phone tail) or a new person registered here at the household's house and address; with their
 * relation to the head (GB/T 4761).
 */
export function AddMemberDrawer({
  household,
  open,
  onClose,
  onAdded,
}: {
  household: HouseholdView;
  open: boolean;
  onClose: () => void;
  onAdded: (household: HouseholdView) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // a person registered by this drawer whose joining failed: joining is retried, not registering
  const [registered, setRegistered] = useState<PersonView | null>(null);
  const hasHead = household.members.some((m) => ["01", "02"].includes(m.relation));

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      let personId = v.personId;
      if (mode === "new") {
        const person =
          registered ??
          (await api.post<PersonView>(
            "/api/persons",
            newPersonBody(v, { houseId: household.houseId, areaCode: household.area?.code }),
          ));
        setRegistered(person);
        personId = person.id;
      }
      const next = await api.post<HouseholdView>(recordUrl("households", household.id, "/members"), {
        personId,
        relation: v.relation,
        ...(v.joinedOn ? { joinedOn: v.joinedOn.format("YYYY-MM-DD") } : {}),
      });
      message.success(t("registry.member.added"));
      onAdded(next);
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
      title={t("registry.member.addTitle")}
      placement={isPhone ? "bottom" : "right"}
      size={isPhone ? "92%" : 560}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("registry.member.add")}
          </Button>
        </Space>
      }
    >
      <Segmented
        block
        value={mode}
        disabled={registered !== null}
        onChange={(v) => setMode(v as "existing" | "new")}
        options={[
          { value: "existing", label: t("registry.member.existing") },
          { value: "new", label: t("registry.member.new") },
        ]}
        style={{ marginBottom: 16 }}
      />
      {registered ? (
        <Alert
          type="warning"
          showIcon
          title={t("registry.member.registeredNotJoined", { name: registered.name })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          ...NEW_PERSON_INITIAL,
          currentAddress: household.address ?? undefined,
          relation: hasHead ? undefined : "02",
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="relation"
          label={t("registry.member.relation")}
          rules={[{ required: true, message: t("registry.member.relationRule") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={codeOptions("household-relation", lang).filter(
              (o) => !hasHead || !["01", "02"].includes(o.value),
            )}
          />
        </Form.Item>
        {mode === "existing" ? (
          <Form.Item
            name="personId"
            label={t("registry.member.person")}
            rules={[{ required: true, message: t("registry.member.personRule") }]}
          >
            <PersonPicker />
          </Form.Item>
        ) : registered ? null : (
          <PersonFields />
        )}
        <Form.Item
          name="joinedOn"
          label={t("registry.member.joinedOn")}
          extra={t("registry.member.joinedOnHint")}
        >
          <DatePicker
            style={{ width: "100%" }}
            inputReadOnly={isPhone}
            disabledDate={(d) => d.isAfter(new Date(), "day")}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
