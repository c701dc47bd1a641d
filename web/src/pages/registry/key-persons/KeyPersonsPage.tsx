import { ExclamationCircleOutlined } from "@ant-design/icons";
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, queryString } from "../../../api/client";
import type { KeyPersonItem, KeyPersonStats, OffsetPage } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { AreaFilter } from "../shared/AreaFilter";
import { categoryText, codeOptions, codeText } from "../shared/codes";
import { recordPath } from "../shared/links";
import { useIsPhone } from "../shared/use-phone";
import { KeyPersonMatrix } from "./KeyPersonMatrix";
import { CATEGORIES, countsFromStats, overallEmployment, rateText } from "./matrix";

const PAGE_SIZE = 20;
const LEVEL_COLOURS: Record<string, string> = { "01": "red", "02": "orange", "03": "blue" };

/** A key person's attention level as a coloured tag. */
export function LevelTag({ level }: { level: string }) {
  const { lang } = useLang();
  return <Tag color={LEVEL_COLOURS[level]}>{codeText("attention-level", level, lang)}</Tag>;
}

/**
 * `/registry/key-persons`: the centre's overview of key persons (重点人员): how many of each category
 * at each attention level, visits overdue and due, the outcome measures (employment of the group,
 * care plans achieved, on-time visits), and the list, filtered by a click on the matrix. Every
 * listing is audited by the server.
 */
export function KeyPersonsPage() {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const areaCode = params.get("area") ?? undefined;
  const category = params.get("category") ?? undefined;
  const attentionLevel = params.get("level") ?? undefined;
  const visitDue = params.get("due") === "1";
  const q = params.get("q") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [text, setText] = useState(q ?? "");

  const statsUrl = `/api/key-persons/stats${queryString({ areaCode })}`;
  const stats = useRemote(statsUrl, () => api.get<KeyPersonStats>(statsUrl));
  const listUrl = `/api/key-persons${queryString({
    areaCode,
    category,
    attentionLevel,
    visitDue: visitDue || undefined,
    q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })}`;
  const list = useRemote(listUrl, () => api.get<OffsetPage<KeyPersonItem>>(listUrl));

  const update = (next: Record<string, string | undefined>, nextPage = 1) => {
    const merged = {
      area: areaCode,
      category,
      level: attentionLevel,
      due: visitDue ? "1" : undefined,
      q,
      ...next,
    };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) search.set(k, v);
    if (nextPage > 1) search.set("page", String(nextPage));
    setParams(search, { replace: true });
  };

  const s = stats.data;
  const employment = s ? overallEmployment(s.employment) : null;

  const columns: TableColumnsType<KeyPersonItem> = [
    {
      title: t("registry.field.name"),
      key: "name",
      width: 120,
      render: (_, k) => <Link to={recordPath("key-persons", k.id)}>{k.name}</Link>,
    },
    {
      title: t("registry.kp.category"),
      dataIndex: "category",
      width: 120,
      render: (c: string) => categoryText(c, lang),
    },
    {
      title: t("registry.kp.level"),
      dataIndex: "attentionLevel",
      width: 90,
      render: (l: string) => <LevelTag level={l} />,
    },
    ...(isPhone
      ? []
      : [
          {
            title: t("registry.field.idNumber"),
            dataIndex: "idMasked",
            width: 190,
            render: (v: string | null) => v ?? t("common.none"),
          },
        ]),
    {
      title: t("registry.kp.nextVisit"),
      key: "next",
      width: 130,
      render: (_, k) =>
        k.nextVisitOn ? (
          <Typography.Text type={k.visitOverdue ? "danger" : undefined} strong={k.visitOverdue}>
            {k.visitOverdue ? <ExclamationCircleOutlined /> : null} {k.nextVisitOn}
          </Typography.Text>
        ) : (
          t("common.none")
        ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t("registry.field.area"),
            key: "area",
            width: 150,
            render: (_: unknown, k: KeyPersonItem) => k.area?.name ?? t("common.none"),
          },
        ]),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card
        size="small"
        title={t("registry.kp.title")}
        extra={<AreaFilter value={areaCode} onChange={(area) => update({ area })} />}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("registry.kp.privacyNote")}
        </Typography.Text>
      </Card>

      {stats.error ? <ErrorAlert error={stats.error} onRetry={stats.reload} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s}>
            <Statistic title={t("registry.kp.totalActive")} value={s?.total ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s} hoverable onClick={() => update({ due: "1" })}>
            <Statistic
              title={t("registry.kp.overdue")}
              value={s?.visits.overdue ?? 0}
              styles={{ content: { color: s?.visits.overdue ? "#cf1322" : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s} hoverable onClick={() => navigate("/registry/visits")}>
            <Statistic title={t("registry.kp.dueSoon")} value={s?.visits.dueSoon ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s}>
            <Statistic title={t("registry.kp.onTimeRate")} value={rateText(s?.visits.onTimeRate)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s}>
            <Statistic
              title={t("registry.kp.employmentRate")}
              value={rateText(employment?.rate)}
              suffix={
                employment?.workingAge ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {employment.employed}/{employment.workingAge}
                  </Typography.Text>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={!s}>
            <Statistic
              title={t("registry.kp.plansAchieved")}
              value={rateText(s?.carePlans.achievedRate)}
              suffix={
                s?.carePlans.closed ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.carePlans.achieved}/{s.carePlans.closed}
                  </Typography.Text>
                ) : null
              }
            />
          </Card>
        </Col>
      </Row>
      {s ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("registry.kp.window", { from: s.window.from, to: s.window.to, asOf: s.asOf })}
        </Typography.Text>
      ) : null}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t("registry.kp.matrixTitle")}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("registry.kp.matrixHint")}
              </Typography.Text>
            }
          >
            <KeyPersonMatrix
              counts={s ? countsFromStats(s.categories) : []}
              selected={{ category, attentionLevel }}
              onSelect={(c) => update({ category: c.category, level: c.attentionLevel })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("registry.kp.outcomesTitle")}>
            <Table
              size="small"
              pagination={false}
              rowKey="category"
              dataSource={s?.employment ?? []}
              columns={[
                {
                  title: t("registry.kp.category"),
                  dataIndex: "category",
                  render: (c: string) => categoryText(c, lang),
                },
                { title: t("registry.kp.workingAge"), dataIndex: "workingAge", align: "right", width: 80 },
                { title: t("registry.kp.employed"), dataIndex: "employed", align: "right", width: 70 },
                {
                  title: t("registry.kp.rate"),
                  dataIndex: "rate",
                  align: "right",
                  width: 80,
                  render: (r: number | null) => rateText(r),
                },
              ]}
            />
            {s && s.carePlans.byKind.length ? (
              <Table
                style={{ marginTop: 12 }}
                size="small"
                pagination={false}
                rowKey="kind"
                dataSource={s.carePlans.byKind}
                columns={[
                  {
                    title: t("registry.plan.kind"),
                    dataIndex: "kind",
                    render: (k: string) => codeText("care-plan-kind", k, lang),
                  },
                  { title: t("registry.kp.closedPlans"), dataIndex: "closed", align: "right", width: 80 },
                  { title: t("registry.kp.achieved"), dataIndex: "achieved", align: "right", width: 70 },
                  {
                    title: t("registry.kp.rate"),
                    dataIndex: "achievedRate",
                    align: "right",
                    width: 80,
                    render: (r: number | null) => rateText(r),
                  },
                ]}
              />
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t("registry.kp.noClosedPlans", { active: s?.carePlans.active ?? 0 })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t("registry.kp.listTitle", { total: list.data?.total ?? 0 })}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t("registry.kp.searchPlaceholder")}
            allowClear
            style={{ flex: "1 1 200px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.kp.category")}
            value={category}
            onChange={(v?: string) => update({ category: v })}
            options={CATEGORIES.map((c) => ({ value: c, label: categoryText(c, lang) }))}
            style={{ flex: "0 1 150px" }}
          />
          <Select
            allowClear
            placeholder={t("registry.kp.level")}
            value={attentionLevel}
            onChange={(v?: string) => update({ level: v })}
            options={codeOptions("attention-level", lang, ["01", "02", "03"])}
            style={{ flex: "0 1 110px" }}
          />
          <Space>
            <Switch checked={visitDue} onChange={(on) => update({ due: on ? "1" : undefined })} />
            <span>{t("registry.kp.onlyDue")}</span>
          </Space>
        </Flex>
        {category || attentionLevel ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("registry.kp.filtered", {
              category: category ? categoryText(category, lang) : t("registry.kp.allCategories"),
              level: attentionLevel
                ? (codeText("attention-level", attentionLevel, lang) ?? attentionLevel)
                : t("registry.kp.allLevels"),
            })}
            closable={{ onClose: () => update({ category: undefined, level: undefined }) }}
          />
        ) : null}
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<KeyPersonItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: isPhone ? undefined : 800 }}
          locale={{ emptyText: <Empty description={t("registry.kp.empty")} /> }}
          onRow={(k) => ({ onDoubleClick: () => navigate(recordPath("key-persons", k.id)) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            simple: isPhone,
            showTotal: isPhone ? undefined : (total) => t("common.total", { total }),
            onChange: (p) => update({}, p),
          }}
        />
      </Card>
    </Space>
  );
}
