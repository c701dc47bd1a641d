import { UserOutlined } from "@ant-design/icons";
import { Card, Empty, List, Space, Typography } from "antd";
import { Link } from "react-router";
import type { PersonList, PersonView } from "../../../api/registry-types";
import type { Remote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { isMessageKey } from "../../../i18n/translate";
import { PersonTags, sexAge } from "../shared/PersonTags";

/** Where a matched resident leads: their household file, or their own file when in no household. */
function residentHref(p: PersonView): string {
  return p.householdId
    ? `/registry/households/${encodeURIComponent(p.householdId)}`
    : `/registry/persons/${encodeURIComponent(p.id)}`;
}

/** Residents matching the households page's search (by name, pinyin, ID or phone tail), each leading to their household. */
export function MatchedResidents({ q, remote }: { q: string; remote: Remote<PersonList> }) {
  const t = useT();
  const { lang } = useLang();
  if (remote.error) return <ErrorAlert error={remote.error} onRetry={remote.reload} />;
  const data = remote.data;
  const modeKey = `registry.search.mode.${data?.mode ?? "none"}`;
  const title = (
    <Space size={6}>
      <UserOutlined />
      {t("registry.household.matchedResidents", { count: data?.total ?? 0 })}
      {data && isMessageKey(modeKey) ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: "normal" }}>
          {t(modeKey)}
        </Typography.Text>
      ) : null}
    </Space>
  );
  return (
    <Card size="small" title={title} loading={remote.loading && !data}>
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.household.noResidents")} />
      ) : (
        <List
          size="small"
          dataSource={data?.items ?? []}
          renderItem={(p) => (
            <List.Item key={p.id} style={{ paddingInline: 0 }}>
              <Link to={residentHref(p)} style={{ display: "block", width: "100%", color: "inherit" }}>
                <Space size={6} wrap>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {sexAge(p, lang, (age) => t("registry.person.age", { age }))}
                  </Typography.Text>
                  <PersonTags person={p} />
                </Space>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[p.idNumber, p.currentAddress].filter(Boolean).join(" · ")}
                  </Typography.Text>
                </div>
                {!p.householdId ? (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t("registry.household.noHousehold")}
                  </Typography.Text>
                ) : null}
              </Link>
            </List.Item>
          )}
        />
      )}
      {data && data.total > data.items.length ? (
        <Link to={`/registry/persons?q=${encodeURIComponent(q)}`}>
          {t("registry.household.allResidents", { count: data.total })}
        </Link>
      ) : null}
    </Card>
  );
}
