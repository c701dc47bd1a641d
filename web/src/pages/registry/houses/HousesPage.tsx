import {
  Card,
  Empty,
  Flex,
  Input,
  List,
  Pagination,
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
import type { HouseView, OffsetPage } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { AreaFilter } from "../shared/AreaFilter";
import { codeOptions, codeText } from "../shared/codes";
import { houseAddress } from "../shared/HouseSummaryCard";
import { recordPath } from "../shared/links";
import { useIsPhone } from "../shared/use-phone";

const PAGE_SIZE = 20;

/** A house's tenure tags: rented or lived in by the owner, and the group-rental flag (群租房). */
export function TenureTags({ house }: { house: Pick<HouseView, "isRented" | "isGroupRental"> }) {
  const t = useT();
  return (
    <>
      {house.isRented ? (
        <Tag color="orange">{t("registry.house.rented")}</Tag>
      ) : (
        <Tag>{t("registry.house.selfOccupied")}</Tag>
      )}
      {house.isGroupRental ? <Tag color="red">{t("registry.house.groupRental")}</Tag> : null}
    </>
  );
}

/** `/registry/houses`: houses and rooms in the user's scope, by address, with rentals and group rentals. */
export function HousesPage() {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const areaCode = params.get("area") ?? undefined;
  const tenure = params.get("tenure") ?? undefined;
  const use = params.get("use") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [text, setText] = useState(q ?? "");

  const query = {
    q,
    areaCode,
    use,
    isRented: tenure === "rented" ? true : tenure === "self" ? false : undefined,
    isGroupRental: tenure === "group" ? true : undefined,
  };
  const url = `/api/houses${queryString({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`;
  const list = useRemote(url, () => api.get<OffsetPage<HouseView>>(url));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const update = (next: Record<string, string | undefined>, nextPage = 1) => {
    const merged = { q, area: areaCode, tenure, use, ...next };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) search.set(k, v);
    if (nextPage > 1) search.set("page", String(nextPage));
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<HouseView> = [
    {
      title: t("registry.field.address"),
      key: "address",
      render: (_, h) => <Link to={recordPath("houses", h.id)}>{houseAddress(h)}</Link>,
    },
    {
      title: t("registry.house.building"),
      key: "building",
      width: 150,
      render: (_, h) => h.building?.name ?? t("common.none"),
    },
    {
      title: t("registry.field.use"),
      dataIndex: "use",
      width: 100,
      render: (u: string) => codeText("house-use", u, lang),
    },
    {
      title: t("registry.house.floorArea"),
      dataIndex: "floorArea",
      width: 100,
      align: "right",
      render: (a: number | null) => (a ? `${a} ㎡` : t("common.none")),
    },
    {
      title: t("registry.house.tenure"),
      key: "tenure",
      width: 150,
      render: (_, h) => <TenureTags house={h} />,
    },
    {
      title: t("registry.house.owner"),
      key: "owner",
      width: 190,
      render: (_, h) =>
        h.owner ? (
          <span>
            {h.owner.name}
            {h.owner.phoneMasked ? (
              <Typography.Text type="secondary"> {h.owner.phoneMasked}</Typography.Text>
            ) : null}
          </span>
        ) : (
          t("common.none")
        ),
    },
    {
      title: t("registry.field.area"),
      key: "area",
      width: 150,
      render: (_, h) => h.area?.name ?? t("common.none"),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card size="small" title={t("registry.house.title")}>
        <Flex gap={8} wrap>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t("registry.house.searchPlaceholder")}
            allowClear
            enterButton
            style={{ flex: "1 1 260px" }}
          />
          <AreaFilter value={areaCode} onChange={(area) => update({ area })} style={{ flex: "0 1 200px" }} />
          <Select
            allowClear
            placeholder={t("registry.house.tenure")}
            value={tenure}
            onChange={(v?: string) => update({ tenure: v })}
            options={[
              { value: "rented", label: t("registry.house.rented") },
              { value: "self", label: t("registry.house.selfOccupied") },
              { value: "group", label: t("registry.house.groupRental") },
            ]}
            style={{ flex: "0 1 140px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.field.use")}
            value={use}
            onChange={(v?: string) => update({ use: v })}
            options={codeOptions("house-use", lang)}
            style={{ flex: "0 1 140px" }}
          />
        </Flex>
      </Card>

      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}

      {isPhone ? (
        <>
          <List
            loading={list.loading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t("registry.house.empty")} /> }}
            renderItem={(h) => (
              <List.Item key={h.id} style={{ padding: "4px 0", border: "none" }}>
                <Link to={recordPath("houses", h.id)} style={{ width: "100%", color: "inherit" }}>
                  <Card size="small" hoverable styles={{ body: { padding: "10px 14px" } }}>
                    <Typography.Text strong>{houseAddress(h)}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <TenureTags house={h} />
                      <Tag>{codeText("house-use", h.use, lang)}</Tag>
                    </div>
                    {h.owner ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t("registry.labelled", { label: t("registry.house.owner") })}
                        {h.owner.name} {h.owner.phoneMasked ?? ""}
                      </Typography.Text>
                    ) : null}
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
          <Table<HouseView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={items}
            columns={columns}
            scroll={{ x: 1100 }}
            onRow={(h) => ({ onDoubleClick: () => navigate(recordPath("houses", h.id)) })}
            locale={{ emptyText: <Empty description={t("registry.house.empty")} /> }}
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
