/** Registry records that have a console page under `/registry/`. */
const REGISTRY_PAGES = ["persons", "households", "houses", "places", "key-persons"];

/**
 * The console route for a file-section item's `href`: registry records written without the
 * `/registry` prefix (`/key-persons/…`) get it; records the console has no page for (`/things/…`)
 * and API paths give undefined (shown without a link); other console paths and web links stay.
 */
export function consoleHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  if (/^https?:\/\//.test(href)) return href;
  if (!href.startsWith("/") || href.startsWith("/api/")) return undefined;
  const first = href.split("/")[1] ?? "";
  if (REGISTRY_PAGES.includes(first)) return `/registry${href}`;
  if (first === "things") return undefined;
  return href;
}

/** The console page of a registry record. */
export function recordPath(
  kind: "persons" | "households" | "houses" | "places" | "key-persons",
  id: string,
): string {
  return `/registry/${kind}/${encodeURIComponent(id)}`;
}
