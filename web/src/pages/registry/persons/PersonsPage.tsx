import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, queryString } from "../../../api/client";
import type { PersonList, PersonView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { isMessageKey } from "../../../i18n/translate";
import { IMPORT_ROLES, REGISTRY_EDIT_ROLES } from "../../../layout/menu";
import { useMe } from "../../../session/SessionProvider";
import { AreaFilter } from "../shared/AreaFilter";
import { codeOptions, codeText } from "../shared/codes";
import { DownloadButton } from "../shared/DownloadButton";
import { recordPath } from "../shared/links";
import { PersonTags, sexAge } from "../shared/PersonTags";
import { useIsPhone } from "../shared/use-phone";
import {
  AGE_BANDS,
  personQuery,
  readFilters,
  writeFilters,
  type AgeBand,
  type PersonFilters,
} from "./filters";
import { PersonCreateDrawer } from "./PersonCreateDrawer";

const PAGE_SIZE = 20;
/** Roles that may export the registry (the server's registry.export policy). */
const EXPORT_ROLES = [...IMPORT_ROLES, "leader"];

/**
 * `/registry/persons`: everyone registered in the user's scope, searched by name, pinyin initials,
 * ID or phone tail, or address, and filtered; ID numbers and phones masked. The centre exports the
 * filtered list (watermarked and audited by the server).
 */
export function PersonsPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Number(params.get("page") ?? "1") || 1;
  const [text, setText] = useState(filters.q ?? "");
  const [creating, setCreating] = useState(0);
  const canCreate = me.roles.some((r) => REGISTRY_EDIT_ROLES.includes(r));
  const canExport = me.roles.some((r) => EXPORT_ROLES.includes(r));

  const url = `/api/persons${queryString({ ...personQuery(filters), page, pageSize: PAGE_SIZE })}`;
  const list = useRemote(url, () => api.get<PersonList>(url));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const update = (next: Partial<PersonFilters>, nextPage = 1) =>
    setParams(writeFilters({ ...filters, ...next }, nextPage), { replace: true });

  const modeKey = `registry.search.mode.${list.data?.mode ?? "none"}`;
  const totalText = list.data?.totalCapped
    ? t("registry.list.totalCapped", { total })
    : t("common.total", { total });

  const columns: TableColumnsType<PersonView> = [
    {
      title: t("registry.field.name"),
      key: "name",
      width: 170,
      fixed: "left",
      render: (_, p) => (
        <Space size={4} wrap>
          <Link to={recordPath("persons", p.id)}>{p.name}</Link>
          <PersonTags person={p} hideResidentType />
        </Space>
      ),
    },
    {
      title: t("registry.person.sexAge"),
      key: "sexAge",
      width: 100,
      render: (_, p) => sexAge(p, lang, (age) => t("registry.person.age", { age })) || t("common.none"),
    },
    {
      title: t("registry.field.idNumber"),
      dataIndex: "idNumber",
      width: 190,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      title: t("registry.field.phone"),
      dataIndex: "phone",
      width: 130,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      title: t("registry.field.residentType"),
      dataIndex: "residentType",
      width: 110,
      render: (v: string) => codeText("resident-type", v, lang),
    },
    {
      title: t("registry.field.currentAddress"),
      dataIndex: "currentAddress",
      ellipsis: true,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      title: t("registry.field.area"),
      key: "area",
      width: 150,
      render: (_, p) => p.area?.name ?? t("common.none"),
    },
  ];

  const ageOptions = (Object.keys(AGE_BANDS) as AgeBand[]).map((b) => ({
    value: b,
    label: t(`registry.person.ageBand.${b}`),
  }));

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card
        size="small"
        title={t("registry.person.title")}
        extra={
          <Space>
            {canExport ? (
              <DownloadButton
                url={`/api/registry/exports/persons.xlsx${queryString(personQuery(filters))}`}
                fileName="persons.xlsx"
                title={t("registry.export.hint")}
              >
                {isPhone ? null : t("registry.export.persons")}
              </DownloadButton>
            ) : null}
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating((n) => n + 1)}>
                {isPhone ? t("common.create") : t("registry.person.create")}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Flex gap={8} wrap>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t("registry.person.searchPlaceholder")}
            allowClear
            enterButton
            style={{ flex: "1 1 280px" }}
          />
          <AreaFilter
            value={filters.areaCode}
            onChange={(areaCode) => update({ areaCode })}
            style={{ flex: "0 1 200px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.field.residentType")}
            value={filters.residentType}
            onChange={(residentType) => update({ residentType })}
            options={codeOptions("resident-type", lang)}
            style={{ flex: "0 1 140px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.person.ageBand")}
            value={filters.age}
            onChange={(age) => update({ age })}
            options={ageOptions}
            style={{ flex: "0 1 140px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.field.livesAlone")}
            value={filters.livesAlone === undefined ? undefined : String(filters.livesAlone)}
            onChange={(v?: string) => update({ livesAlone: v === undefined ? undefined : v === "true" })}
            options={[
              { value: "true", label: t("registry.person.livesAlone") },
              { value: "false", label: t("registry.person.notAlone") },
            ]}
            style={{ flex: "0 1 120px" }}
          />
          <Select
            placeholder={t("registry.field.status")}
            value={filters.status ?? "active"}
            onChange={(status) => update({ status: status === "active" ? undefined : status })}
            options={(["active", "deregistered", "all"] as const).map((s) => ({
              value: s,
              label: t(`registry.person.statusFilter.${s}`),
            }))}
            style={{ flex: "0 1 120px" }}
          />
        </Flex>
        {filters.q && list.data && isMessageKey(modeKey) ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", marginTop: 6 }}>
            {t(modeKey)}
          </Typography.Text>
        ) : null}
      </Card>

      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}

      {isPhone ? (
        <>
          <List
            loading={list.loading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t("registry.person.empty")} /> }}
            renderItem={(p) => (
              <List.Item key={p.id} style={{ padding: "4px 0", border: "none" }}>
                <Link to={recordPath("persons", p.id)} style={{ width: "100%", color: "inherit" }}>
                  <Card size="small" hoverable styles={{ body: { padding: "10px 14px" } }}>
                    <Space size={6} wrap>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <Typography.Text type="secondary">
                        {sexAge(p, lang, (age) => t("registry.person.age", { age }))}
                      </Typography.Text>
                      <PersonTags person={p} />
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[p.idNumber, p.phone].filter(Boolean).join(" · ")}
                      </Typography.Text>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                      {p.currentAddress ?? p.area?.name ?? ""}
                    </Typography.Text>
                  </Card>
                </Link>
              </List.Item>
            )}
          />
          {total > PAGE_SIZE ? (
            <Flex vertical align="center" gap={4}>
              <Pagination
                simple
                current={page}
                pageSize={PAGE_SIZE}
                total={total}
                onChange={(p) => update({}, p)}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {totalText}
              </Typography.Text>
            </Flex>
          ) : null}
        </>
      ) : (
        <Card size="small">
          <Table<PersonView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={t("registry.person.empty")} /> }}
            onRow={(p) => ({ onDoubleClick: () => navigate(recordPath("persons", p.id)) })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              showTotal: () => totalText,
              onChange: (p) => update({}, p),
            }}
          />
        </Card>
      )}
      {creating > 0 ? (
        <PersonCreateDrawer
          key={creating}
          open
          onClose={() => setCreating(0)}
          onCreated={(p) => navigate(recordPath("persons", p.id))}
        />
      ) : null}
    </Space>
  );
}
