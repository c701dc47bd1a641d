import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api } from "../../api/client";
import type { Health, LoginInput, Me } from "../../api/types";
import { useRemote } from "../../api/use-remote";
import { LangSwitch } from "../../components/LangSwitch";
import { useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";
import { useSession } from "../../session/SessionProvider";
import { DemoAccountsCard } from "./DemoAccountsCard";
import { demoAccountsFor } from "./demo-accounts";

/** `/login`: username and password; on success the server sets the session cookie. */
export function LoginPage() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const { state, signedIn } = useSession();
  const [form] = Form.useForm<LoginInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const health = useRemote("/api/health", () => api.get<Health>("/api/health"));
  const demoAccounts = demoAccountsFor(health.data);

  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from.startsWith("/") && !from.startsWith("/login") ? from : "/";
  if (state.kind === "authenticated") return <Navigate to={target} replace />;

  const onFinish = async (values: LoginInput) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await api.post<Me>("/api/auth/login", values);
      signedIn(me);
      navigate(target, { replace: true });
    } catch (e) {
      setError(e);
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        padding: "64px 16px",
        gap: 16,
        background: "linear-gradient(180deg, #123d7a 0, #1f5fbf 280px, #f3f6fa 280px)",
      }}
    >
      <div style={{ position: "absolute", top: 16, right: 20 }}>
        <LangSwitch />
      </div>
      <div style={{ textAlign: "center", color: "#fff", marginBottom: 8 }}>
        <Typography.Title level={2} style={{ color: "#fff", margin: 0 }}>
          {t("app.title")}
        </Typography.Title>
        <Typography.Text style={{ color: "rgba(255,255,255,0.85)" }}>{t("app.tagline")}</Typography.Text>
      </div>
      <Card style={{ width: "100%", maxWidth: 400 }} title={t("login.title")}>
        <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginInput> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input
              id="username"
              name="username"
              autoComplete="username"
              prefix={<UserOutlined />}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              id="password"
              name="password"
              autoComplete="current-password"
              prefix={<LockOutlined />}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
      {demoAccounts.length > 0 ? (
        <div style={{ width: "100%", maxWidth: 400 }}>
          <DemoAccountsCard
            accounts={demoAccounts}
            onPick={(a) => form.setFieldsValue({ username: a.username, password: a.password ?? "" })}
          />
        </div>
      ) : null}
    </div>
  );
}
