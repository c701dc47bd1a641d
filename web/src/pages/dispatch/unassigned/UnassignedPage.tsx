import { Button, Card, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { UnassignedItem } from "../../../api/area-types";
import { useRemote } from "../../../api/use-remote";
import { loadRoots } from "../../../components/areas/area-api";
import { formatPosition } from "../../../components/areas/problems";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { isMessageKey } from "../../../i18n/translate";
import { formatDateTime } from "../../../lib/time";
import { useMe } from "../../../session/SessionProvider";
import { AssignModal } from "./AssignModal";
import { ReassignButton } from "./ReassignButton";

const PAGE_SIZE = 50;
type Status = "open" | "resolved";

/** `/dispatch/unassigned`: records whose location fell outside every area, to be given one by hand. */
export function UnassignedPage() {
  const t = useT();
  const me = useMe();
  const [status, setStatus] = useState<Status>("open");
  const [page, setPage] = useState(0);
  const url = `/api/areas/unassigned${queryString({ status, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`;
  const list = useRemote(url, () => api.get<{ items: UnassignedItem[] }>(url));
  const roots = useRemote("areas:roots", () => loadRoots(me));
  const [assigning, setAssigning] = useState<UnassignedItem | null>(null);
  const items = list.data?.items ?? [];
  const isAdmin = me.roles.includes("admin");

  const reasonText = (reason: string) => {
    const key = `unassigned.reason.${reason}`;
    return isMessageKey(key) ? t(key) : reason;
  };

  const columns: TableColumnsType<UnassignedItem> = [
    {
      title: t("unassigned.source"),
      key: "source",
      width: 220,
      render: (_, r) => (
        <span>
          <Tag>{r.sourceType}</Tag>
          <Typography.Text copyable={{ text: r.sourceId }}>{r.sourceId}</Typography.Text>
        </span>
      ),
    },
    {
      title: t("unassigned.address"),
      dataIndex: "address",
      render: (a: string | null) => a ?? t("common.none"),
    },
    {
      title: t("unassigned.position"),
      key: "position",
      width: 220,
      render: (_, r) =>
        r.lat !== null && r.lng !== null ? formatPosition([r.lng, r.lat]) : t("common.none"),
    },
    { title: t("unassigned.reason"), dataIndex: "reason", width: 160, render: reasonText },
    {
      title: status === "open" ? t("unassigned.createdAt") : t("unassigned.resolvedAt"),
      key: "at",
      width: 170,
      render: (_, r) => formatDateTime(status === "open" ? r.createdAt : (r.resolvedAt ?? r.createdAt)),
    },
  ];
  if (status === "resolved")
    columns.push({
      title: t("unassigned.resolvedArea"),
      key: "area",
      width: 200,
      render: (_, r) =>
        r.resolvedArea ? `${r.resolvedArea.name}（${r.resolvedArea.code}）` : t("common.none"),
    });
  if (status === "open") {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 100,
      fixed: "right",
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setAssigning(r)}>
          {t("unassigned.assign")}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t("unassigned.title")}
      extra={
        <Space>
          <Segmented<Status>
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPage(0);
            }}
            options={[
              { value: "open", label: t("unassigned.open") },
              { value: "resolved", label: t("unassigned.resolved") },
            ]}
          />
          {isAdmin ? <ReassignButton onFinished={list.reload} /> : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("unassigned.hint")}</Typography.Paragraph>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<UnassignedItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={items}
        columns={columns}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: status === "open" ? t("unassigned.emptyOpen") : t("unassigned.emptyResolved") }}
      />
      {page > 0 || items.length === PAGE_SIZE ? (
        <Space style={{ marginTop: 16, justifyContent: "flex-end", width: "100%" }}>
          <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {t("common.prevPage")}
          </Button>
          <Typography.Text>{t("common.pageN", { page: page + 1 })}</Typography.Text>
          <Button disabled={items.length < PAGE_SIZE} onClick={() => setPage((p) => p + 1)}>
            {t("common.nextPage")}
          </Button>
        </Space>
      ) : null}
      <AssignModal
        item={assigning}
        roots={roots.data}
        onClose={() => setAssigning(null)}
        onDone={() => {
          setAssigning(null);
          list.reload();
        }}
      />
    </Card>
  );
}
