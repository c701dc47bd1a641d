import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, type TableColumnsType } from "antd";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { UserList, UserRow } from "../../../api/types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { roleLabel } from "../../../i18n/translate";
import { formatDateTime } from "../../../lib/time";
import { UserFormDrawer } from "./UserFormDrawer";

/** Whether the drawer is open and on which user (none: create); the user stays while it closes. */
interface Editing {
  open: boolean;
  user?: UserRow;
}

/** `/admin/users`: accounts with roles and area scopes; create and edit in a drawer. */
export function UsersPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const url = `/api/users${queryString({ page, pageSize })}`;
  const users = useRemote(url, () => api.get<UserList>(url));
  const [editing, setEditing] = useState<Editing>({ open: false });
  // a fresh form each time the drawer opens, without cutting its closing animation short
  const [formKey, setFormKey] = useState(0);
  const openDrawer = (user?: UserRow) => {
    setFormKey((k) => k + 1);
    setEditing({ open: true, user });
  };
  const closeDrawer = () => setEditing((e) => ({ ...e, open: false }));

  const columns: TableColumnsType<UserRow> = [
    { title: t("users.username"), dataIndex: "username", width: 140 },
    { title: t("users.displayName"), dataIndex: "displayName", width: 120 },
    {
      title: t("users.roles"),
      dataIndex: "roles",
      render: (roles: string[]) =>
        roles.map((r) => (
          <Tag key={r} color={r === "admin" ? "red" : "blue"}>
            {roleLabel(t, r)}
          </Tag>
        )),
    },
    {
      title: t("users.scopes"),
      dataIndex: "scopes",
      render: (_, row) => row.scopes.map((a) => a.name).join("、") || t("common.none"),
    },
    {
      title: t("users.department"),
      dataIndex: "department",
      render: (d: string | null) => d ?? t("common.none"),
    },
    {
      title: t("users.status"),
      dataIndex: "disabled",
      width: 90,
      render: (disabled: boolean) =>
        disabled ? <Tag>{t("users.disabled")}</Tag> : <Tag color="green">{t("users.enabled")}</Tag>,
    },
    {
      title: t("users.createdAt"),
      dataIndex: "createdAt",
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 90,
      fixed: "right",
      render: (_, user) => (
        <Button type="link" size="small" onClick={() => openDrawer(user)}>
          {t("common.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t("users.title")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer()}>
          {t("users.create")}
        </Button>
      }
    >
      {users.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={users.error} onRetry={users.reload} />
        </div>
      ) : null}
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          showSizeChanger: true,
          showTotal: (total) => t("common.total", { total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
      <UserFormDrawer
        key={formKey}
        open={editing.open}
        user={editing.user}
        onClose={closeDrawer}
        onSaved={() => {
          closeDrawer();
          users.reload();
        }}
      />
    </Card>
  );
}
