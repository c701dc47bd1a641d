import { toLocal, zoneOffsetMillis } from "../../core/local-time";

/** The two formats GeoReport v2 speaks; XML is the standard's required one. */
export type Format = "xml" | "json";

export const CONTENT_TYPES: Record<Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** A value in an Open311 document: undefined is left out, null is an empty element (JSON null). */
export type Data = string | number | boolean | null | undefined | Data[] | { [key: string]: Data };

/** The element name of each item of a list, by the list's name (the Spark convention, reversed). */
const ITEM: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

// Not allowed in XML 1.0 at all (C0 controls but tab, LF and CR; U+FFFE/FFFF; lone surrogates),
// plus DEL and the C1 controls, which are allowed but never meant.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters that XML cannot carry (and control characters nobody means to send). */
export function stripControl(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Text content or attribute value escaped for XML, with unrepresentable characters dropped. */
export function escapeXml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}

function scalar(value: string | number | boolean): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return typeof value === "boolean" ? String(value) : escapeXml(value);
}

function element(name: string, value: Data, indent: string, out: string[]): void {
  if (value === undefined) return;
  if (value === null || value === "") {
    out.push(`${indent}<${name}/>`);
    return;
  }
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? "item";
    if (value.length === 0) {
      out.push(`${indent}<${name}/>`);
      return;
    }
    out.push(`${indent}<${name}>`);
    for (const v of value) element(item, v, `${indent}  `, out);
    out.push(`${indent}</${name}>`);
    return;
  }
  if (typeof value === "object") {
    out.push(`${indent}<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, `${indent}  `, out);
    out.push(`${indent}</${name}>`);
    return;
  }
  out.push(`${indent}<${name}>${scalar(value)}</${name}>`);
}

/** An XML document with its declaration, the root named `root` (a list's items named by ITEM). */
export function toXml(root: string, data: Data): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, data, "", out);
  return `${out.join("\n")}\n`;
}

/** The JSON form of the same document (Spark convention: the root list is the top-level array). */
export function toJson(data: Data): string {
  return JSON.stringify(data);
}

/** Renders a document in the asked format: the body and its Content-Type. */
export function render(format: Format, root: string, data: Data): { body: string; type: string } {
  return { body: format === "xml" ? toXml(root, data) : toJson(data), type: CONTENT_TYPES[format] };
}

/** The format a path asks for by its extension; XML when it names none (the required format). */
export function formatOfPath(url: string): Format {
  const path = url.split("?")[0] ?? "";
  return /\.json$/i.test(path) ? "json" : "xml";
}

/** Splits "CODE.json" into the id and the format; undefined when the extension is not xml or json. */
export function splitFormat(file: string): { id: string; format: Format } | undefined {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  return m ? { id: m[1]!, format: m[2] as Format } : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * An instant as W3C/ISO 8601 local time with its offset, to the second, in a time zone:
 * 2026-11-23T15:04:05+08:00 (the form the standard requires: never without a zone).
 */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  const l = toLocal(whole, timeZone);
  const offsetMinutes = Math.round(zoneOffsetMillis(whole, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
