import { DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../api/client";
import type { TeamMember, TeamRole } from "../../api/area-types";
import { ActionError } from "../../components/areas/ActionError";
import { areaUrl } from "../../components/areas/area-api";
import { useAction } from "../../components/areas/use-action";
import { useLang, useT } from "../../i18n/I18nProvider";
import { memberCreateBody, memberPatchBody, teamRoleName, type MemberFormValues } from "./team-form";

type FormShape = Omit<MemberFormValues, "activeFrom" | "activeTo"> & {
  activeFrom?: Dayjs | null;
  activeTo?: Dayjs | null;
};

const toDay = (s: string | null | undefined) => (s ? dayjs(s) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/** Adds a member to a grid's team (`member` null) or edits one. */
export function TeamMemberModal({
  gridCode,
  open,
  member,
  members,
  roles,
  onClose,
  onSaved,
}: {
  gridCode: string;
  open: boolean;
  member: TeamMember | null;
  members: readonly TeamMember[];
  roles: readonly TeamRole[] | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<FormShape>();
  const action = useAction();

  const submit = async (shape: FormShape) => {
    const values: MemberFormValues = {
      ...shape,
      activeFrom: fromDay(shape.activeFrom),
      activeTo: fromDay(shape.activeTo),
    };
    const base = areaUrl(gridCode, "/team");
    const done = await action.run(() =>
      member
        ? api.patch(`${base}/${encodeURIComponent(member.id)}`, memberPatchBody(member, values))
        : api.post(base, memberCreateBody(values)),
    );
    if (done) onSaved();
  };

  return (
    <Modal
      open={open}
      title={member ? t("team.editTitle", { name: member.name }) : t("team.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={action.busy}
      destroyOnHidden
      width={560}
    >
      <ActionError error={action.error} />
      <Form<FormShape>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          name: member?.name ?? "",
          teamRole: member?.teamRole,
          username: member?.username ?? "",
          phone: "",
          duty: member?.duty ?? "",
          substituteId: member?.substitute?.id ?? null,
          activeFrom: toDay(member?.activeFrom),
          activeTo: toDay(member?.activeTo),
        }}
      >
        <div style={{ display: "flex", gap: 12 }}>
          <Form.Item
            name="name"
            label={t("team.name")}
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, max: 50, message: t("team.nameRule") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="teamRole"
            label={t("team.role")}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t("team.roleRequired") }]}
          >
            <Select
              options={(roles ?? []).map((r) => ({
                value: r.code,
                label: teamRoleName(r.code, roles, lang),
              }))}
            />
          </Form.Item>
        </div>
        <div style={{ display: "flex", gap: 12 }}>
          <Form.Item
            name="username"
            label={t("team.username")}
            style={{ flex: 1 }}
            extra={t("team.usernameHint")}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t("team.phone")}
            style={{ flex: 1 }}
            extra={member ? t("team.phoneKeep", { masked: member.phone ?? t("common.none") }) : undefined}
            rules={[{ min: 3, max: 30, message: t("team.phoneRule") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name="duty" label={t("team.duty")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <div style={{ display: "flex", gap: 12 }}>
          <Form.Item name="substituteId" label={t("team.substitute")} style={{ flex: 2 }}>
            <Select
              allowClear
              options={members
                .filter((m) => m.id !== member?.id)
                .map((m) => ({
                  value: m.id,
                  label: `${m.name} · ${teamRoleName(m.teamRole, roles, lang, m)}`,
                }))}
            />
          </Form.Item>
          <Form.Item name="activeFrom" label={t("team.activeFrom")} style={{ flex: 1 }}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="activeTo" label={t("team.activeTo")} style={{ flex: 1 }}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
