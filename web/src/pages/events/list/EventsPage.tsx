import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from "antd";
import { Link, useSearchParams } from "react-router";
import {
  EVENT_SOURCES,
  EVENT_STATES,
  SLA_COLOURS,
  URGENCIES,
  type EventSummary,
} from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { loadRoots } from "../../../components/areas/area-api";
import { AreaPicker } from "../../../components/areas/AreaPicker";
import { CategoryCascader } from "../../../components/events/CategoryCascader";
import { listEvents, loadCategories, type EventQuery } from "../../../components/events/event-api";
import {
  categoryRefLabel,
  categoryPath,
  colourLabel,
  sourceLabel,
  stateLabel,
  urgencyLabel,
} from "../../../components/events/labels";
import { SlaBadge } from "../../../components/events/SlaBadge";
import { StateTag, UrgencyTag } from "../../../components/events/StateTag";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";
import { useMe } from "../../../session/SessionProvider";
import { queryFromParams, paramsFromFilters, type ListFilters } from "./list-query";

/** `/events`: every event in the user's scope, filtered and paged; filters live in the URL. */
export function EventsPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const query: EventQuery = queryFromParams(params);
  const key = `/api/events?${params.toString()}`;
  const list = useRemote(key, () => listEvents(query));
  const categories = useRemote("event-categories", () => loadCategories());
  const roots = useRemote("areas:roots", () => loadRoots(me));
  const [form] = Form.useForm<ListFilters>();

  const apply = (f: ListFilters) => setParams(paramsFromFilters(f));

  const columns: TableColumnsType<EventSummary> = [
    {
      title: t("events.field.no"),
      dataIndex: "no",
      width: 160,
      render: (no: string, e) => <Link to={`/events/${encodeURIComponent(e.id)}`}>{no}</Link>,
    },
    {
      title: t("events.field.title"),
      dataIndex: "title",
      width: 240,
      ellipsis: true,
      render: (title: string, e) => (
        <Space size={4}>
          <UrgencyTag urgency={e.urgency} quiet />
          <Link to={`/events/${encodeURIComponent(e.id)}`}>{title}</Link>
        </Space>
      ),
    },
    {
      title: t("events.field.category"),
      key: "category",
      width: 200,
      ellipsis: true,
      render: (_: unknown, e) => categoryRefLabel(e.category, lang),
    },
    {
      title: t("events.field.state"),
      dataIndex: "state",
      width: 100,
      render: (s: string) => <StateTag state={s} />,
    },
    {
      title: t("events.field.sla"),
      key: "sla",
      width: 210,
      render: (_, e) => <SlaBadge event={e} compact />,
    },
    {
      title: t("events.field.area"),
      key: "area",
      width: 180,
      ellipsis: true,
      render: (_, e) => e.area?.name ?? t("common.none"),
    },
    {
      title: t("events.field.source"),
      dataIndex: "source",
      width: 120,
      render: (s: string) => sourceLabel(t, s),
    },
    {
      title: t("events.field.createdAt"),
      dataIndex: "createdAt",
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
  ];

  const initial: ListFilters = {
    state: query.state ? query.state.split(",") : [],
    category: query.category
      ? (categoryPath(categories.data ?? [], query.category) ?? [query.category])
      : undefined,
    areaCode: query.areaCode,
    colour: query.colour,
    source: query.source,
    urgency: query.urgency,
    overdue: query.overdue === true,
    mine: query.mine === true,
    q: query.q,
  };

  return (
    <Card title={t("events.list.title")}>
      <Form<ListFilters>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={apply}
        key={`${params.toString()}:${categories.data ? 1 : 0}`}
        className="events-filters"
      >
        <Row gutter={12}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="q" label={t("events.list.q")}>
              <Input allowClear placeholder={t("events.list.qHint")} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="state" label={t("events.field.state")}>
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                options={EVENT_STATES.map((s) => ({ value: s, label: stateLabel(t, s) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="category" label={t("events.field.category")}>
              <CategoryCascader tree={categories.data} changeOnSelect placeholder={t("events.list.any")} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="areaCode" label={t("events.field.area")}>
              <AreaPicker roots={roots.data} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="colour" label={t("events.field.colour")}>
              <Select allowClear options={SLA_COLOURS.map((c) => ({ value: c, label: colourLabel(t, c) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="urgency" label={t("events.field.urgency")}>
              <Select allowClear options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item name="source" label={t("events.field.source")}>
              <Select
                allowClear
                options={EVENT_SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={12}>
            <Form.Item label=" " colon={false}>
              <Space wrap>
                <Form.Item name="overdue" valuePropName="checked" noStyle>
                  <Checkbox>{t("events.list.overdue")}</Checkbox>
                </Form.Item>
                <Form.Item name="mine" valuePropName="checked" noStyle>
                  <Checkbox>{t("events.list.mine")}</Checkbox>
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t("common.search")}
                </Button>
                <Button onClick={() => setParams(new URLSearchParams())}>{t("common.reset")}</Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<EventSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1380 }}
        locale={{ emptyText: t("events.list.empty") }}
        pagination={{
          current: query.page ?? 1,
          pageSize: query.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t("common.total", { total }),
          onChange: (page, pageSize) => {
            const next = new URLSearchParams(params);
            next.set("page", String(page));
            next.set("pageSize", String(pageSize));
            setParams(next);
          },
        }}
      />
      <Typography.Text type="secondary">{t("events.list.hint")}</Typography.Text>
    </Card>
  );
}
