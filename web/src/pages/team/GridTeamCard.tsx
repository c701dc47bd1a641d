import { EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import type { GridTeam, TeamMember, TeamRole } from "../../api/area-types";
import { useRemote } from "../../api/use-remote";
import { areaUrl } from "../../components/areas/area-api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useLang, useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";
import { RevealPhoneModal } from "./RevealPhoneModal";
import { teamRoleName } from "./team-form";
import { TeamMemberModal } from "./TeamMemberModal";

const loadRoles = () => api.get<{ items: TeamRole[] }>("/api/team-roles").then((r) => r.items);

/** A grid's "1+3+N" team: roles, masked phones with an audited reveal, and (for managers) edits. */
export function GridTeamCard({ gridCode }: { gridCode: string }) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const url = areaUrl(gridCode, "/team");
  const team = useRemote(url, () => api.get<GridTeam>(url));
  const roles = useRemote("team-roles", loadRoles);
  const [editing, setEditing] = useState<{ open: boolean; member: TeamMember | null }>({
    open: false,
    member: null,
  });
  const [formKey, setFormKey] = useState(0);
  const [revealing, setRevealing] = useState<TeamMember | null>(null);
  const members = team.data?.members ?? [];
  const can = team.data?.can ?? { manage: false, revealPhone: false };

  const openForm = (member: TeamMember | null) => {
    setFormKey((k) => k + 1);
    setEditing({ open: true, member });
  };
  const remove = async (member: TeamMember) => {
    try {
      await api.del(`${url}/${encodeURIComponent(member.id)}`);
      message.success(t("team.removed", { name: member.name }));
      team.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<TeamMember> = [
    { title: t("team.name"), dataIndex: "name", width: 100 },
    {
      title: t("team.role"),
      dataIndex: "teamRole",
      width: 130,
      render: (code: string, m) => (
        <Tag color={code === "grid_worker" ? "blue" : undefined}>
          {teamRoleName(code, roles.data, lang, m)}
        </Tag>
      ),
    },
    {
      title: t("team.phone"),
      dataIndex: "phone",
      width: 240,
      render: (phone: string | null, m) =>
        phone ? (
          <Space size={4}>
            <span>{phone}</span>
            {can.revealPhone ? (
              <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealing(m)}>
                {t("team.reveal")}
              </Button>
            ) : null}
          </Space>
        ) : (
          t("common.none")
        ),
    },
    { title: t("team.duty"), dataIndex: "duty", render: (d: string | null) => d ?? t("common.none") },
    {
      title: t("team.substitute"),
      dataIndex: "substitute",
      width: 100,
      render: (s: TeamMember["substitute"]) => s?.name ?? t("common.none"),
    },
    {
      title: t("team.active"),
      key: "active",
      width: 190,
      render: (_, m) =>
        m.activeFrom || m.activeTo ? `${m.activeFrom ?? "…"} ~ ${m.activeTo ?? "…"}` : t("team.always"),
    },
    {
      title: t("team.username"),
      dataIndex: "username",
      width: 140,
      render: (u: string | null) => u ?? t("common.none"),
    },
  ];
  if (can.manage) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 120,
      fixed: "right",
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(m)}>
            {t("common.edit")}
          </Button>
          <Popconfirm title={t("team.removeConfirm", { name: m.name })} onConfirm={() => void remove(m)}>
            <Button type="link" size="small" danger>
              {t("team.remove")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={t("team.title", { name: team.data?.area.name ?? "" })}
      extra={
        can.manage ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t("team.add")}
          </Button>
        ) : null
      }
    >
      {team.error ? <ErrorAlert error={team.error} onRetry={team.reload} /> : null}
      <Table<TeamMember>
        className="grid-team-table"
        rowKey="id"
        size="small"
        loading={team.loading}
        dataSource={members}
        columns={columns}
        pagination={false}
        scroll={{ x: 1150 }}
      />
      <TeamMemberModal
        key={formKey}
        gridCode={gridCode}
        open={editing.open}
        member={editing.member}
        members={members}
        roles={roles.data}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, open: false }));
          message.success(t("common.saved"));
          team.reload();
        }}
      />
      <RevealPhoneModal gridCode={gridCode} member={revealing} onClose={() => setRevealing(null)} />
    </Card>
  );
}
