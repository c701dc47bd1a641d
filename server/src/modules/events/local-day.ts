const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date (YYYY-MM-DD) of an instant in a time zone, with one formatter per zone: building an
 * Intl.DateTimeFormat costs far more than formatting, and lists format hundreds of dates.
 */
export function localDay(at: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, f);
  }
  return f.format(at);
}
