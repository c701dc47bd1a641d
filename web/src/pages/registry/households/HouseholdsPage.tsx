import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../../api/client";
import type { HouseholdSummary, PersonList, RegistryPage } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { REGISTRY_EDIT_ROLES } from "../../../layout/menu";
import { useMe } from "../../../session/SessionProvider";
import { AreaFilter } from "../shared/AreaFilter";
import { listUrl } from "../shared/registry-api";
import { useIsPhone } from "../shared/use-phone";
import { CreateHouseholdModal } from "./CreateHouseholdModal";
import { HouseholdCard, HouseholdFlags } from "./HouseholdCard";
import { MatchedResidents } from "./MatchedResidents";

const PAGE_SIZE = 20;

/**
 * `/registry/households`: the households of the user's scope (for a grid worker, their grids), as
 * cards on a phone and a table on a desk. The search finds households by number or address and,
 * beside them, residents by name, pinyin initials, ID or phone tail, leading to their household.
 */
export function HouseholdsPage() {
  const t = useT();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const areaCode = params.get("area") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const canCreate = me.roles.some((r) => REGISTRY_EDIT_ROLES.includes(r));

  const url = listUrl("/api/households", { q, areaCode, page, pageSize: PAGE_SIZE });
  const households = useRemote(url, () => api.get<RegistryPage<HouseholdSummary>>(url));
  const personsUrl = q ? listUrl("/api/persons", { q, areaCode, pageSize: 10 }) : null;
  const residents = useRemote(personsUrl, () => api.get<PersonList>(personsUrl!));

  const update = (next: { q?: string; area?: string | undefined; page?: number }) => {
    const merged = { q, area: areaCode, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set("q", merged.q);
    if (merged.area) search.set("area", merged.area);
    if (merged.page > 1) search.set("page", String(merged.page));
    setParams(search, { replace: true });
  };

  const items = households.data?.items ?? [];
  const total = households.data?.total ?? 0;

  const columns: TableColumnsType<HouseholdSummary> = [
    {
      title: t("registry.household.head"),
      key: "head",
      width: 140,
      render: (_, h) => (
        <Link to={`/registry/households/${encodeURIComponent(h.id)}`}>
          {h.head?.name ?? t("registry.household.noHead")}
        </Link>
      ),
    },
    {
      title: t("registry.field.address"),
      dataIndex: "address",
      render: (a: string | null) => a ?? t("common.none"),
    },
    { title: t("registry.household.memberCount"), dataIndex: "memberCount", width: 90, align: "right" },
    {
      title: t("registry.household.code"),
      dataIndex: "code",
      width: 140,
      render: (c: string | null) => c ?? "",
    },
    {
      title: t("registry.field.area"),
      key: "area",
      width: 160,
      render: (_, h) => h.area?.name ?? t("common.none"),
    },
  ];

  // the flags column shows once the server sends flags (see HouseholdSummary.flags)
  if (items.some((h) => h.flags))
    columns.splice(3, 0, {
      title: t("registry.household.flags"),
      key: "flags",
      width: 220,
      render: (_, h) => <HouseholdFlags household={h} />,
    });

  const totalText = households.data?.totalCapped
    ? t("registry.list.totalCapped", { total })
    : t("common.total", { total });

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card
        size="small"
        title={
          me.roles.includes("grid_worker") ? t("registry.household.title") : t("registry.household.titleAll")
        }
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {isPhone ? t("common.create") : t("registry.household.create")}
            </Button>
          ) : null
        }
      >
        <Flex gap={8} wrap>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            placeholder={t("registry.household.searchPlaceholder")}
            allowClear
            enterButton
            style={{ flex: "1 1 260px" }}
          />
          <AreaFilter
            value={areaCode}
            onChange={(area) => update({ area })}
            style={{ flex: isPhone ? "1 1 100%" : "0 0 220px" }}
          />
        </Flex>
      </Card>

      {households.error ? <ErrorAlert error={households.error} onRetry={households.reload} /> : null}
      {q ? <MatchedResidents q={q} remote={residents} /> : null}

      {q && items.length === 0 && (residents.data?.total ?? 0) > 0 ? null : isPhone ? (
        <>
          <List
            loading={households.loading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t("registry.household.empty")} /> }}
            renderItem={(h) => (
              <List.Item key={h.id} style={{ padding: "4px 0", border: "none" }}>
                <div style={{ width: "100%" }}>
                  <HouseholdCard household={h} />
                </div>
              </List.Item>
            )}
          />
          {total > PAGE_SIZE ? (
            <Flex justify="center" vertical align="center" gap={4}>
              <Pagination
                simple
                current={page}
                pageSize={PAGE_SIZE}
                total={total}
                onChange={(p) => update({ page: p })}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {totalText}
              </Typography.Text>
            </Flex>
          ) : null}
        </>
      ) : (
        <Card size="small">
          <Table<HouseholdSummary>
            rowKey="id"
            size="middle"
            loading={households.loading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 900 }}
            onRow={(h) => ({
              onDoubleClick: () => navigate(`/registry/households/${encodeURIComponent(h.id)}`),
            })}
            locale={{ emptyText: <Empty description={t("registry.household.empty")} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              showTotal: () => totalText,
              onChange: (p) => update({ page: p }),
            }}
          />
        </Card>
      )}
      <CreateHouseholdModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/registry/households/${encodeURIComponent(id)}`)}
      />
    </Space>
  );
}
