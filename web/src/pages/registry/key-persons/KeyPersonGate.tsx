import { EyeOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useT } from "../../../i18n/I18nProvider";

/**
 * Before a key-person file opens: says plainly that the viewing is recorded (who, when, why) and
 * takes an optional reason, which goes with the read into the audit trail.
 */
export function KeyPersonGate({ onOpen }: { onOpen: (reason: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Card style={{ maxWidth: 560, margin: "24px auto" }}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Space>
          <SafetyCertificateOutlined style={{ fontSize: 24, color: "#d4380d" }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("registry.kp.gateTitle")}
          </Typography.Title>
        </Space>
        <Alert
          type="warning"
          showIcon
          title={t("registry.kp.gateRecorded")}
          description={t("registry.kp.gatePurpose")}
        />
        <Form form={form} layout="vertical" onFinish={(v) => onOpen((v.reason ?? "").trim())}>
          <Form.Item name="reason" label={t("registry.kp.gateReason")} rules={[{ max: 200 }]}>
            <Input.TextArea
              rows={2}
              maxLength={200}
              showCount
              placeholder={t("registry.kp.gateReasonPlaceholder")}
              autoFocus
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<EyeOutlined />} block>
            {t("registry.kp.gateOpen")}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
