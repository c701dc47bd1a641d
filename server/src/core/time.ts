/** The calendar date (YYYY-MM-DD) of an instant in a time zone: days are counted where people live. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}
