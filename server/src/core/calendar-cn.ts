import type { CalendarYear } from "./working-days";

/**
 * China's official days off and make-up working days (调休上班) for 2025 and 2026, as announced by the
 * General Office of the State Council: 《国务院办公厅关于2025年部分节假日安排的通知》 (国办发明电〔2024〕12号)
 * and the notice on the 2026 holiday arrangements of 2025-11-04. Official public-domain data, built in so
 * that the product works without any external file; later years are added by the administrator in the
 * same form (WorkingCalendar.china(overrides)).
 *
 * offDays: public holidays and the rest days shifted into the holiday periods (weekends inside a holiday
 * period are listed too). workDays: Saturdays and Sundays that are working days. Any other Saturday or
 * Sunday is off and any other weekday is a working day.
 */
export const CHINA_CALENDAR: Readonly<Record<string, CalendarYear>> = {
  "2025": {
    offDays: [
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-02",
      "2025-02-03",
      "2025-02-04",
      "2025-04-04",
      "2025-04-05",
      "2025-04-06",
      "2025-05-01",
      "2025-05-02",
      "2025-05-03",
      "2025-05-04",
      "2025-05-05",
      "2025-05-31",
      "2025-06-01",
      "2025-06-02",
      "2025-10-01",
      "2025-10-02",
      "2025-10-03",
      "2025-10-04",
      "2025-10-05",
      "2025-10-06",
      "2025-10-07",
      "2025-10-08",
    ],
    workDays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  "2026": {
    offDays: [
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
      "2026-02-23",
      "2026-04-04",
      "2026-04-05",
      "2026-04-06",
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
      "2026-05-04",
      "2026-05-05",
      "2026-06-19",
      "2026-06-20",
      "2026-06-21",
      "2026-09-25",
      "2026-09-26",
      "2026-09-27",
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ],
    workDays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};
