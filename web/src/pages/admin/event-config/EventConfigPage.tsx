import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { useT } from "../../../i18n/I18nProvider";
import { CalendarTab } from "./CalendarTab";
import { CategoriesTab } from "./CategoriesTab";
import { RoutingTab } from "./RoutingTab";
import { SlaTab } from "./SlaTab";
import { StatesTab } from "./StatesTab";

const TABS = ["categories", "routing", "sla", "states", "calendar"] as const;
type Tab = (typeof TABS)[number];

/**
 * `/admin/event-config`: the event loop's settings as versioned data: categories, routing rules,
 * time limits, the state machine (read-only) and the working-day calendar. Each save writes a new
 * version with a note; running events keep the version they were routed by.
 */
export function EventConfigPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get("tab");
  const tab: Tab = TABS.find((x) => x === asked) ?? "categories";
  return (
    <Card title={t("events.config.title")}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={TABS.map((k) => ({
          key: k,
          label: t(`events.config.tab.${k}`),
          children:
            k === "categories" ? (
              <CategoriesTab />
            ) : k === "routing" ? (
              <RoutingTab />
            ) : k === "sla" ? (
              <SlaTab />
            ) : k === "states" ? (
              <StatesTab />
            ) : (
              <CalendarTab />
            ),
        }))}
      />
    </Card>
  );
}
