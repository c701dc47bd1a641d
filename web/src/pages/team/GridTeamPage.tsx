import { Breadcrumb, Result, Space, Spin } from "antd";
import { Link, useParams } from "react-router";
import { useRemote } from "../../api/use-remote";
import { loadArea } from "../../components/areas/area-api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useT } from "../../i18n/I18nProvider";
import { levelLabel } from "../../i18n/translate";
import { GridTeamCard } from "./GridTeamCard";
import { PoliceDistrictCard } from "./PoliceDistrictCard";

/** `/areas/:code/team`: a grid's team and police district, for staff who may see them (linked from the map). */
export function GridTeamPage() {
  const t = useT();
  const { code = "" } = useParams();
  const area = useRemote(`area:${code}`, () => loadArea(code));

  if (area.error) return <ErrorAlert error={area.error} onRetry={area.reload} />;
  if (!area.data) return <Spin />;
  const a = area.data;
  if (a.level !== "grid" || !a.can.viewTeam)
    return <Result status="info" title={t("team.gridOnly", { level: levelLabel(t, a.level) })} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "map", title: <Link to={`/map?area=${encodeURIComponent(a.code)}`}>{a.name}</Link> },
          { key: "team", title: t("team.titleShort") },
        ]}
      />
      <GridTeamCard gridCode={a.code} />
      <PoliceDistrictCard gridCode={a.code} />
    </Space>
  );
}
