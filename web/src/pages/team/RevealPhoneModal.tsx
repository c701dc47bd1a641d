import { Alert, Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import type { TeamMember } from "../../api/area-types";
import { areaUrl } from "../../components/areas/area-api";
import { ActionError } from "../../components/areas/ActionError";
import { useAction } from "../../components/areas/use-action";
import { useT } from "../../i18n/I18nProvider";

/** Asks why, then shows a team member's full phone number; the server records the reason in the audit log. */
export function RevealPhoneModal({
  gridCode,
  member,
  onClose,
}: {
  gridCode: string;
  member: TeamMember | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction();
  const [phone, setPhone] = useState<string | null | undefined>(undefined);

  const submit = async ({ reason }: { reason: string }) => {
    if (!member) return;
    const done = await action.run(() =>
      api.post<{ phone: string | null }>(
        areaUrl(gridCode, `/team/${encodeURIComponent(member.id)}/reveal-phone`),
        {
          reason: reason.trim(),
        },
      ),
    );
    if (done) setPhone(done.value.phone);
  };

  const revealed = phone !== undefined;
  return (
    <Modal
      open={member !== null}
      title={t("team.revealTitle", { name: member?.name ?? "" })}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setPhone(undefined);
      }}
      footer={
        revealed ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t("common.cancel")}
            </Button>,
            <Button key="ok" type="primary" loading={action.busy} onClick={() => form.submit()}>
              {t("team.reveal")}
            </Button>,
          ]
        )
      }
    >
      {revealed ? (
        <div style={{ textAlign: "center", padding: "16px 0" }}>
          {phone ? (
            <Typography.Title level={3} copyable className="revealed-phone">
              {phone}
            </Typography.Title>
          ) : (
            <Typography.Text type="secondary">{t("team.noPhone")}</Typography.Text>
          )}
          <Typography.Paragraph type="secondary">{t("team.revealAudited")}</Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert type="info" showIcon title={t("team.revealHint")} style={{ marginBottom: 16 }} />
          <ActionError error={action.error} />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              name="reason"
              label={t("team.reason")}
              rules={[
                { required: true, whitespace: true, message: t("team.reasonRule") },
                { min: 5, max: 200, message: t("team.reasonRule") },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={200} autoFocus />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
