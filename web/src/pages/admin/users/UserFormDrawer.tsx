import { Alert, App, Button, Drawer, Form, Input, Select, Space, Switch } from "antd";
import { useState } from "react";
import { api, ApiError } from "../../../api/client";
import {
  ROLES,
  type AreaList,
  type CreateUserInput,
  type DepartmentList,
  type UpdateUserInput,
  type UserRow,
} from "../../../api/types";
import { useRemote } from "../../../api/use-remote";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { roleLabel } from "../../../i18n/translate";
import { buildUserPatch, type UserFormValues } from "./user-form";

// the server's rule: 2–64 characters, starting with a letter or digit
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** Drawer to create a user (`user` undefined) or edit one; calls `onSaved` after the server accepts. */
export function UserFormDrawer({
  open,
  user,
  onClose,
  onSaved,
}: {
  open: boolean;
  user?: UserRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const areas = useRemote(open ? "/api/areas?limit=500" : null, () =>
    api.get<AreaList>("/api/areas?limit=500"),
  );
  const departments = useRemote(open ? "/api/departments" : null, () =>
    api.get<DepartmentList>("/api/departments"),
  );
  const editing = user !== undefined;

  const areaOptions = (areas.data?.items ?? []).map((a) => ({
    value: a.code,
    label: `${a.code} ${a.name}`,
  }));
  // keep the user's current scopes selectable even if the area list is short or failed
  for (const a of user?.scopes ?? []) {
    if (!areaOptions.some((o) => o.value === a.code))
      areaOptions.push({ value: a.code, label: `${a.code} ${a.name}` });
  }

  const departmentOptions = (departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }));
  // likewise the user's current department, shown by name while the list loads or if it failed
  if (user?.departmentCode && !departmentOptions.some((o) => o.value === user.departmentCode))
    departmentOptions.push({ value: user.departmentCode, label: user.department ?? user.departmentCode });

  const submit = async (values: UserFormValues) => {
    setSaving(true);
    setError(null);
    try {
      if (user) {
        const patch: UpdateUserInput = buildUserPatch(user, values);
        await api.patch<UserRow>(`/api/users/${encodeURIComponent(user.id)}`, patch);
        message.success(t("common.saved"));
      } else {
        const body: CreateUserInput = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password ?? "",
          roles: values.roles,
          scopeCodes: values.scopeCodes,
          ...(values.department ? { department: values.department } : {}),
        };
        await api.post<UserRow>("/api/users", body);
        message.success(t("users.created"));
      }
      onSaved();
    } catch (e) {
      setError(e);
      // point at the field the server blamed, when it is on this form
      if (e instanceof ApiError && e.field && e.field in values) {
        form.setFields([{ name: e.field as keyof UserFormValues, errors: [errorText(e)] }]);
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t("users.required", { field }) });

  return (
    <Drawer
      open={open}
      size={480}
      title={user ? t("users.editTitle", { name: user.displayName }) : t("users.create")}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
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
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          username: user?.username ?? "",
          displayName: user?.displayName ?? "",
          roles: user?.roles ?? [],
          scopeCodes: user?.scopes.map((a) => a.code) ?? [],
          department: user?.departmentCode ?? undefined,
          disabled: user?.disabled ?? false,
        }}
      >
        <Form.Item
          name="username"
          label={t("users.username")}
          rules={
            editing
              ? []
              : [required(t("users.username")), { pattern: USERNAME, message: t("users.usernameRule") }]
          }
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.displayName")}
          rules={[{ ...required(t("users.displayName")), whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t("users.resetPassword") : t("users.password")}
          extra={editing ? t("users.resetPasswordHint") : undefined}
          rules={[
            ...(editing ? [] : [required(t("users.password"))]),
            { min: 8, message: t("password.min") },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("users.roles")}
          rules={[{ ...required(t("users.roles")), type: "array", min: 1 }]}
        >
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        </Form.Item>
        {areas.error ? (
          <Alert type="warning" showIcon title={t("users.areasFailed")} style={{ marginBottom: 12 }} />
        ) : null}
        <Form.Item
          name="scopeCodes"
          label={t("users.scopes")}
          extra={areas.error ? t("users.scopesHint") : undefined}
        >
          <Select
            mode={areas.error ? "tags" : "multiple"}
            loading={areas.loading}
            options={areaOptions}
            optionFilterProp="label"
            showSearch
            tokenSeparators={areas.error ? [",", " ", "，"] : undefined}
          />
        </Form.Item>
        <Form.Item
          name="department"
          label={t("users.department")}
          validateStatus={departments.error ? "warning" : undefined}
          help={departments.error ? errorText(departments.error) : undefined}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={departments.loading}
            options={departmentOptions}
          />
        </Form.Item>
        {editing ? (
          <Form.Item name="disabled" label={t("users.disabled")} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
