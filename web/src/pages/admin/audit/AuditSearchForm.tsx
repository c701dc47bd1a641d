import { Button, DatePicker, Form, Input, Space, type GetProps } from "antd";
import type { Dayjs } from "dayjs";
import { useT } from "../../../i18n/I18nProvider";
import { endOfZonedDay, startOfZonedDay } from "../../../lib/time";

type RangeValue = GetProps<typeof DatePicker.RangePicker>["value"];

export interface AuditFilters {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  range?: RangeValue;
}

// the picked calendar day, read in the deployment's zone rather than the browser's
const dayStart = (d: Dayjs) => startOfZonedDay(d.year(), d.month() + 1, d.date()).toISOString();
const dayEnd = (d: Dayjs) => endOfZonedDay(d.year(), d.month() + 1, d.date()).toISOString();

/**
 * Turns form values into query filters: trimmed text, and the date range as whole days in the
 * display time zone, sent as UTC ISO instants (`to` is the day's last millisecond, inclusive).
 */
export function toFilters(values: FormValues): AuditFilters {
  const text = (s?: string) => s?.trim() || undefined;
  const [start, end] = values.range ?? [];
  return {
    actor: text(values.actor),
    action: text(values.action),
    subjectType: text(values.subjectType),
    subjectId: text(values.subjectId),
    from: start ? dayStart(start) : undefined,
    to: end ? dayEnd(end) : undefined,
  };
}

/** Search form of the audit log. */
export function AuditSearchForm({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      onFinish={(v) => onSearch(toFilters(v))}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="actor" label={t("audit.actor")}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t("audit.action")}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="subjectType" label={t("audit.subjectType")}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="subjectId" label={t("audit.subjectId")}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="range" label={t("audit.range")}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t("common.search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t("common.reset")}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
