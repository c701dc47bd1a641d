import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { ApiKeyList, ApiKeyRow, CreatedApiKey } from "../../../api/types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";
import { CreateKeyModal, ShowKeyModal } from "./CreateKeyModal";

/** `/admin/api-keys`: keys for programs calling the API; create (secret shown once) and revoke. */
export function ApiKeysPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const keys = useRemote("/api/api-keys", () => api.get<ApiKeyList>("/api/api-keys"));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const revoke = async (row: ApiKeyRow) => {
    try {
      await api.del(`/api/api-keys/${encodeURIComponent(row.id)}`);
      message.success(t("keys.revokedOk"));
      keys.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<ApiKeyRow> = [
    { title: t("keys.name"), dataIndex: "name" },
    {
      title: t("keys.prefix"),
      dataIndex: "prefix",
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t("keys.username"), dataIndex: "username" },
    {
      title: t("keys.createdAt"),
      dataIndex: "createdAt",
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("keys.lastUsedAt"),
      dataIndex: "lastUsedAt",
      render: (at: string | null) => (at ? formatDateTime(at) : t("common.none")),
    },
    {
      title: t("keys.status"),
      dataIndex: "revokedAt",
      render: (at: string | null) =>
        at ? (
          <Tag title={formatDateTime(at)}>{t("keys.revoked")}</Tag>
        ) : (
          <Tag color="green">{t("keys.active")}</Tag>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 90,
      render: (_, row) =>
        row.revokedAt ? null : (
          <Popconfirm
            title={t("keys.revokeConfirm")}
            okText={t("keys.revoke")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(row)}
          >
            <Button type="link" size="small" danger>
              {t("keys.revoke")}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t("keys.title")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("keys.create")}
        </Button>
      }
    >
      {keys.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={keys.error} onRetry={keys.reload} />
        </div>
      ) : null}
      <Table<ApiKeyRow>
        rowKey="id"
        size="middle"
        loading={keys.loading}
        dataSource={keys.data?.items ?? []}
        columns={columns}
        scroll={{ x: 800 }}
        pagination={false}
      />
      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
          keys.reload();
        }}
      />
      <ShowKeyModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
