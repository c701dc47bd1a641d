import { ToolOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { OffsetPage, ThingView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { codeText } from "./codes";
import { dueColour, dueState, todayInZone } from "./dates";
import { recordUrl } from "./registry-api";
import { useIsPhone } from "./use-phone";

interface InspectionValues {
  on: Dayjs;
  result: "pass" | "fail" | "fixed";
  nextOn?: Dayjs;
  note?: string;
}

/** Records an inspection of a thing: the day, the result and, when known, the next one. */
function InspectionModal({
  thing,
  onClose,
  onSaved,
}: {
  thing: ThingView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<InspectionValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: InspectionValues) => {
    if (!thing) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(recordUrl("things", thing.id, "/inspections"), {
        on: v.on.format("YYYY-MM-DD"),
        result: v.result,
        ...(v.nextOn ? { nextOn: v.nextOn.format("YYYY-MM-DD") } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t("registry.thing.inspected"));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={thing !== null}
      title={t("registry.thing.inspectTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<InspectionValues>
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs(), result: "pass" }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="on" label={t("registry.thing.inspectedOn")} rules={[{ required: true }]}>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="result" label={t("registry.thing.result")} rules={[{ required: true }]}>
          <Segmented
            block
            options={(["pass", "fail", "fixed"] as const).map((r) => ({
              value: r,
              label: t(`registry.thing.result.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="nextOn" label={t("registry.thing.nextOn")} extra={t("registry.thing.nextOnHint")}>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isBefore(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="note" label={t("registry.field.note")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The things (物) at a house or place: gas cylinders, extinguishers, smoke sensors, cameras, micro
 * fire stations, with their inspection dates (overdue in red) and, for editors, an inspection record.
 */
export function ThingsCard({ by, id }: { by: "houseId" | "placeId"; id: string }) {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const url = `/api/things${queryString({ [by]: id, limit: 100 })}`;
  const things = useRemote(url, () => api.get<OffsetPage<ThingView>>(url));
  const [inspecting, setInspecting] = useState<ThingView | null>(null);
  const today = todayInZone();
  const items = things.data?.items ?? [];
  const editable = items.some((x) => x.can.edit);

  const columns: TableColumnsType<ThingView> = [
    {
      title: t("registry.thing.kind"),
      key: "kind",
      render: (_, x) => (
        <span>
          {codeText("thing-type", x.kind, lang)}
          {x.label ? <Typography.Text type="secondary"> · {x.label}</Typography.Text> : null}
        </span>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t("registry.thing.serial"),
            dataIndex: "serial",
            width: 140,
            render: (s: string | null) => s ?? t("common.none"),
          },
          {
            title: t("registry.thing.lastInspectedOn"),
            dataIndex: "lastInspectedOn",
            width: 120,
            render: (d: string | null) => d ?? t("common.none"),
          },
        ]),
    {
      title: t("registry.thing.nextInspectionOn"),
      dataIndex: "nextInspectionOn",
      width: 130,
      render: (d: string | null) => {
        const state = dueState(d, today, 14);
        return d ? (
          <Tag color={dueColour(state)} style={{ marginInlineEnd: 0 }}>
            {state === "overdue" ? t("registry.thing.overdue", { date: d }) : d}
          </Tag>
        ) : (
          t("common.none")
        );
      },
    },
  ];
  if (editable)
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 90,
      render: (_, x) =>
        x.can.edit ? (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setInspecting(x)}>
            {t("registry.thing.inspect")}
          </Button>
        ) : null,
    });

  return (
    <Card
      size="small"
      title={
        <span>
          <ToolOutlined /> {t("registry.thing.title", { count: things.data?.total ?? 0 })}
        </span>
      }
    >
      {things.error ? <ErrorAlert error={things.error} onRetry={things.reload} /> : null}
      <Table<ThingView>
        rowKey="id"
        size="small"
        loading={things.loading}
        dataSource={items}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t("registry.thing.none") }}
      />
      <InspectionModal
        thing={inspecting}
        onClose={() => setInspecting(null)}
        onSaved={() => {
          setInspecting(null);
          things.reload();
        }}
      />
    </Card>
  );
}
