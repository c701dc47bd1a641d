import { App, Button, Card, DatePicker, Select, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../../api/client";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { sortedDays } from "./config-format";

interface YearView {
  year: number;
  source: string;
  offDays: string[];
  workDays: string[];
}

/**
 * The working-day calendar of a year: days off (public holidays and shifted rest days) and the
 * weekend days worked instead (调休上班). Every deadline in working days or hours follows it.
 */
export function CalendarTab() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const years = useRemote("calendar:years", () =>
    api.get<{ items: { year: number; source: string }[] }>("/api/calendar/years"),
  );
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const url = `/api/calendar/years/${year}`;
  const data = useRemote(url, () => api.get<YearView>(url));
  const [edited, setEdited] = useState<{ year: number; offDays: string[]; workDays: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const current =
    edited && edited.year === year
      ? edited
      : data.data
        ? { year, offDays: data.data.offDays, workDays: data.data.workDays }
        : null;
  const options = [
    ...new Set([...(years.data?.items ?? []).map((y) => y.year), thisYear - 1, thisYear, thisYear + 1]),
  ].sort();

  const set = (field: "offDays" | "workDays", days: Dayjs[] | null) => {
    if (!current) return;
    setEdited({ ...current, [field]: sortedDays((days ?? []).map((d) => d.format("YYYY-MM-DD"))) });
  };
  const save = async () => {
    if (!current) return;
    setBusy(true);
    try {
      await api.put(url, { offDays: current.offDays, workDays: current.workDays });
      message.success(t("common.saved"));
      setEdited(null);
      data.reload();
      years.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const inYear = (d: Dayjs) => d.year() !== year;

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        <span>{t("events.config.year")}</span>
        <Select
          value={year}
          style={{ width: 120 }}
          onChange={setYear}
          options={options.map((y) => ({ value: y, label: String(y) }))}
        />
        {data.data ? <Tag>{t("events.config.calendarSource", { source: data.data.source })}</Tag> : null}
        {edited && edited.year === year ? (
          <>
            <Button onClick={() => setEdited(null)}>{t("events.config.discard")}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()}>
              {t("common.save")}
            </Button>
          </>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t("events.config.calendarHint")}</Typography.Paragraph>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {current ? (
        <>
          <Card size="small" title={t("events.config.offDays", { count: current.offDays.length })}>
            <DatePicker
              multiple
              maxTagCount="responsive"
              style={{ width: "100%" }}
              value={current.offDays.map((d) => dayjs(d))}
              disabledDate={inYear}
              defaultPickerValue={dayjs(`${year}-01-01`)}
              onChange={(v) => set("offDays", v as Dayjs[] | null)}
            />
            <DayList days={current.offDays} colour="red" />
          </Card>
          <Card size="small" title={t("events.config.workDays", { count: current.workDays.length })}>
            <DatePicker
              multiple
              maxTagCount="responsive"
              style={{ width: "100%" }}
              value={current.workDays.map((d) => dayjs(d))}
              disabledDate={(d) => inYear(d) || (d.day() !== 0 && d.day() !== 6)}
              defaultPickerValue={dayjs(`${year}-01-01`)}
              onChange={(v) => set("workDays", v as Dayjs[] | null)}
            />
            <DayList days={current.workDays} colour="blue" />
          </Card>
        </>
      ) : null}
    </Space>
  );
}

/** The days as tags, for reading the whole year at once. */
function DayList({ days, colour }: { days: readonly string[]; colour: string }) {
  return (
    <div style={{ marginTop: 8 }}>
      {days.map((d) => (
        <Tag key={d} color={colour} style={{ marginBottom: 4 }}>
          {d.slice(5)}
        </Tag>
      ))}
    </div>
  );
}
