import {
  Card,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, queryString } from "../../../api/client";
import type { OffsetPage, PlaceView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { AreaFilter } from "../shared/AreaFilter";
import { codeOptions, codeText } from "../shared/codes";
import { ColourTag } from "../shared/ColourTag";
import { recordPath } from "../shared/links";
import { useIsPhone } from "../shared/use-phone";

const PAGE_SIZE = 20;

/** `/registry/places`: places and enterprises in the user's scope with their colour rating and safety manager. */
export function PlacesPage() {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const areaCode = params.get("area") ?? undefined;
  const kind = params.get("kind") ?? undefined;
  const colour = params.get("colour") ?? undefined;
  const manager = params.get("manager") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [text, setText] = useState(q ?? "");

  const query = {
    q,
    areaCode,
    kind,
    colour,
    hasSafetyManager: manager === "yes" ? true : manager === "no" ? false : undefined,
  };
  const url = `/api/places${queryString({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`;
  const list = useRemote(url, () => api.get<OffsetPage<PlaceView>>(url));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const update = (next: Record<string, string | undefined>, nextPage = 1) => {
    const merged = { q, area: areaCode, kind, colour, manager, ...next };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) search.set(k, v);
    if (nextPage > 1) search.set("page", String(nextPage));
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<PlaceView> = [
    {
      title: t("registry.place.name"),
      key: "name",
      render: (_, p) => <Link to={recordPath("places", p.id)}>{p.name}</Link>,
    },
    {
      title: t("registry.place.kind"),
      dataIndex: "kind",
      width: 130,
      render: (k: string) => codeText("place-type", k, lang),
    },
    {
      title: t("registry.place.colour"),
      dataIndex: "colour",
      width: 90,
      render: (c: string | null) => <ColourTag colour={c} none={t("registry.rating.unrated")} />,
    },
    {
      title: t("registry.field.address"),
      dataIndex: "address",
      ellipsis: true,
      render: (a: string | null) => a ?? t("common.none"),
    },
    {
      title: t("registry.place.safetyManager"),
      key: "manager",
      width: 180,
      render: (_, p) =>
        p.safetyManager?.name ? (
          <span>
            {p.safetyManager.name}
            {p.safetyManager.phone ? (
              <Typography.Text type="secondary"> {p.safetyManager.phone}</Typography.Text>
            ) : null}
          </span>
        ) : (
          <Tag color="warning">{t("registry.place.noManager")}</Tag>
        ),
    },
    {
      title: t("registry.field.area"),
      key: "area",
      width: 150,
      render: (_, p) => p.area?.name ?? t("common.none"),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card size="small" title={t("registry.place.title")}>
        <Flex gap={8} wrap>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t("registry.place.searchPlaceholder")}
            allowClear
            enterButton
            style={{ flex: "1 1 240px" }}
          />
          <AreaFilter value={areaCode} onChange={(area) => update({ area })} style={{ flex: "0 1 200px" }} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("registry.place.kind")}
            value={kind}
            onChange={(v?: string) => update({ kind: v })}
            options={codeOptions("place-type", lang)}
            style={{ flex: "0 1 160px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.place.safetyManager")}
            value={manager}
            onChange={(v?: string) => update({ manager: v })}
            options={[
              { value: "yes", label: t("registry.place.hasManager") },
              { value: "no", label: t("registry.place.noManager") },
            ]}
            style={{ flex: "0 1 150px" }}
          />
          <Segmented
            value={colour ?? "all"}
            onChange={(v) => update({ colour: v === "all" ? undefined : String(v) })}
            options={[
              { value: "all", label: t("registry.place.allColours") },
              ...["red", "yellow", "green"].map((c) => ({
                value: c,
                label: codeText("colour-rating", c, lang) ?? c,
              })),
            ]}
          />
        </Flex>
      </Card>

      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}

      {isPhone ? (
        <>
          <List
            loading={list.loading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t("registry.place.empty")} /> }}
            renderItem={(p) => (
              <List.Item key={p.id} style={{ padding: "4px 0", border: "none" }}>
                <Link to={recordPath("places", p.id)} style={{ width: "100%", color: "inherit" }}>
                  <Card size="small" hoverable styles={{ body: { padding: "10px 14px" } }}>
                    <Space size={6} wrap>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      <ColourTag colour={p.colour} />
                      <Tag>{codeText("place-type", p.kind, lang)}</Tag>
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.address ?? ""}
                      </Typography.Text>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("registry.labelled", { label: t("registry.place.safetyManager") })}
                      {p.safetyManager?.name ?? t("registry.place.noManager")}
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
                {t("common.total", { total })}
              </Typography.Text>
            </Flex>
          ) : null}
        </>
      ) : (
        <Card size="small">
          <Table<PlaceView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 1000 }}
            onRow={(p) => ({ onDoubleClick: () => navigate(recordPath("places", p.id)) })}
            locale={{ emptyText: <Empty description={t("registry.place.empty")} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              showTotal: () => t("common.total", { total }),
              onChange: (p) => update({}, p),
            }}
          />
        </Card>
      )}
    </Space>
  );
}
