import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { AuditRow, Page } from "../../../api/types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { roleLabel } from "../../../i18n/translate";
import { formatDateTime } from "../../../lib/time";
import { AuditSearchForm, type AuditFilters } from "./AuditSearchForm";
import { useVerifyChain, VerifyChainResult } from "./VerifyChain";

const DEFAULT_PAGE_SIZE = 50;

/** `/admin/audit`: search the audit log, read each record's changes, verify the chain. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const url = `/api/audit${queryString({ ...filters, page, pageSize })}`;
  const audit = useRemote(url, () => api.get<Page<AuditRow>>(url));
  const chain = useVerifyChain();

  const columns: TableColumnsType<AuditRow> = [
    {
      title: t("audit.at"),
      dataIndex: "at",
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("audit.actorCol"),
      key: "actor",
      render: (_, row) => (
        <span>
          {row.actorName ?? t("common.none")}
          {row.actorRole ? (
            <Typography.Text type="secondary"> · {roleLabel(t, row.actorRole)}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
    },
    {
      title: t("audit.subject"),
      key: "subject",
      render: (_, row) =>
        row.subjectType || row.subjectId
          ? `${row.subjectType ?? ""}${row.subjectId ? ` #${row.subjectId}` : ""}`
          : t("common.none"),
    },
    {
      title: t("audit.reason"),
      dataIndex: "reason",
      ellipsis: true,
      render: (r: string | null) => r ?? "",
    },
    { title: t("audit.ip"), dataIndex: "ip", width: 130, render: (ip: string | null) => ip ?? "" },
    {
      title: t("audit.requestId"),
      dataIndex: "requestId",
      width: 120,
      ellipsis: true,
      render: (id: string | null) => (id ? <Tooltip title={id}>{id}</Tooltip> : ""),
    },
    {
      title: t("audit.sealed"),
      dataIndex: "sealed",
      width: 80,
      render: (sealed: boolean) =>
        sealed ? <Tag color="green">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={t("audit.title")}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={chain.running}
            onClick={() => void chain.verify()}
          >
            {t("audit.verify")}
          </Button>
        }
      >
        {chain.result || chain.error ? (
          <div style={{ marginBottom: 16 }}>
            <VerifyChainResult state={chain} />
          </div>
        ) : null}
        <AuditSearchForm
          onSearch={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
      </Card>
      <Card>
        {audit.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={audit.error} onRetry={audit.reload} />
          </div>
        ) : null}
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          loading={audit.loading}
          dataSource={audit.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          expandable={{
            rowExpandable: (row) => row.changes != null,
            expandedRowRender: (row) => (
              <div>
                <Typography.Text strong>{t("audit.changes")}</Typography.Text>
                <pre
                  style={{
                    margin: "8px 0 0",
                    fontSize: 12,
                    whiteSpace: "pre-wrap",
                    wordBreak: "break-all",
                  }}
                >
                  {row.changes == null ? t("audit.noChanges") : JSON.stringify(row.changes, null, 2)}
                </pre>
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
    </Space>
  );
}
