import { Badge, Card, Col, Empty, List, Row, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { FileSection } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { isMessageKey, type TFunction } from "../../../i18n/translate";
import { formatDateTime } from "../../../lib/time";
import { consoleHref } from "./links";

/** A section item's status in the UI language when the console knows the word, else as the module wrote it. */
function sectionStatus(t: TFunction, status: string): string {
  const key = `registry.sectionStatus.${status}`;
  return isMessageKey(key) ? t(key) : status;
}

/** A section item's date: a calendar date as it is, an instant in the display zone to the minute. */
function sectionDate(at: string | null): string | null {
  if (!at) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return formatDateTime(at).slice(0, 16);
}

/** A link for a section item: console paths through the router, anything else as a plain link. */
function ItemLink({ href: raw, children }: { href?: string; children: React.ReactNode }) {
  const href = consoleHref(raw);
  if (!href) return <>{children}</>;
  if (href.startsWith("/")) return <Link to={href}>{children}</Link>;
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

/**
 * The blocks other modules link to a record (events, disputes, visits, alerts…), rendered the same
 * way whatever they are: title, count, the latest items with their date, status and link.
 */
export function FileSections({
  sections: all,
  exclude = [],
}: {
  sections: readonly FileSection[] | undefined;
  /** Section keys the page already shows in its own way (e.g. "things" with their inspections). */
  exclude?: readonly string[];
}) {
  const t = useT();
  const { lang } = useLang();
  const sections = all?.filter((s) => !exclude.includes(s.key));
  if (!sections || sections.length === 0)
    return (
      <Card size="small" title={t("registry.sections.title")}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.sections.none")} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      {sections.map((s) => (
        <Col key={s.key} xs={24} lg={12}>
          <Card
            size="small"
            title={
              <span>
                {lang === "zh-CN" ? s.title.zh : s.title.en}{" "}
                <Badge count={s.total} showZero overflowCount={9999} color={s.total ? "blue" : "#bbb"} />
              </span>
            }
          >
            {s.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.sections.empty")} />
            ) : (
              <List
                size="small"
                dataSource={s.items}
                renderItem={(item) => (
                  <List.Item key={item.id} style={{ paddingInline: 0 }}>
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <ItemLink href={item.href}>
                        <Typography.Text ellipsis style={{ maxWidth: "100%" }}>
                          {item.title}
                        </Typography.Text>
                      </ItemLink>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {sectionDate(item.at) ?? t("common.none")}
                        </Typography.Text>
                      </div>
                    </div>
                    {item.status ? (
                      <Tag style={{ marginInlineEnd: 0 }}>{sectionStatus(t, item.status)}</Tag>
                    ) : null}
                  </List.Item>
                )}
              />
            )}
            {s.total > s.items.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("registry.sections.latest", { shown: s.items.length, total: s.total })}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
