import { Card, Descriptions, Empty, Tag } from "antd";
import { api } from "../../api/client";
import type { PoliceDistrict } from "../../api/area-types";
import { useRemote } from "../../api/use-remote";
import { areaUrl } from "../../components/areas/area-api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useT } from "../../i18n/I18nProvider";

/** The police district (警务区) a grid belongs to, with its station and officers. */
export function PoliceDistrictCard({ gridCode }: { gridCode: string }) {
  const t = useT();
  const url = areaUrl(gridCode, "/police-district");
  const remote = useRemote(url, () => api.get<{ policeDistrict: PoliceDistrict | null }>(url));
  const district = remote.data?.policeDistrict;

  return (
    <Card size="small" title={t("police.title")} loading={remote.loading && !remote.data}>
      {remote.error ? <ErrorAlert error={remote.error} onRetry={remote.reload} /> : null}
      {remote.data && !district ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("police.none")} />
      ) : null}
      {district ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "name", label: t("police.name"), children: `${district.name}（${district.code}）` },
            {
              key: "station",
              label: t("police.station"),
              children: district.station?.name ?? t("common.none"),
            },
            {
              key: "officers",
              label: t("police.officers"),
              children:
                district.officers.length > 0
                  ? district.officers.map((o) => <Tag key={o.username}>{o.displayName}</Tag>)
                  : t("common.none"),
            },
            {
              key: "via",
              label: t("police.via"),
              children: district.via === "mapping" ? t("police.viaMapping") : t("police.viaPolygon"),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
