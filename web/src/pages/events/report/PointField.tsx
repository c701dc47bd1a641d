import { AimOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Button, Space, Spin, Typography } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { api, queryString } from "../../../api/client";
import type { Area, AreaFeatureCollection, Basemap } from "../../../api/types";
import type { LatLng } from "../../../components/events/PointMap";
import { useT } from "../../../i18n/I18nProvider";
import { levelLabel } from "../../../i18n/translate";

// MapLibre is large: it loads with the first map shown
const PointMap = lazy(() =>
  import("../../../components/events/PointMap").then((m) => ({ default: m.PointMap })),
);

/**
 * The report's location as a point: a click on the map (staff, with their area's outlines), or the
 * phone's own position; either way the area it falls in is shown, as the server will file it.
 */
export function PointField({
  value,
  onChange,
  map,
}: {
  value?: LatLng | null;
  onChange?: (p: LatLng | null) => void;
  /** the basemap and the outlines to draw; absent: no map (residents), only the phone's position */
  map?: { basemap: Basemap | null; areas: AreaFeatureCollection | null; areaCode: string | null } | null;
}) {
  const t = useT();
  const [area, setArea] = useState<Area | null | undefined>(undefined);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);

  useEffect(() => {
    if (!value) return;
    let alive = true;
    api
      .get<{ area: Area | null }>(`/api/areas/locate${queryString({ lat: value.lat, lng: value.lng })}`)
      .then(
        (r) => alive && setArea(r.area),
        () => alive && setArea(undefined),
      );
    return () => {
      alive = false;
    };
  }, [value]);

  const here = () => {
    if (!navigator.geolocation) {
      setGeoError(t("events.report.noGeolocation"));
      return;
    }
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange?.({
          lat: Math.round(pos.coords.latitude * 1e7) / 1e7,
          lng: Math.round(pos.coords.longitude * 1e7) / 1e7,
        });
      },
      () => {
        setLocating(false);
        setGeoError(t("events.report.geolocationFailed"));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {map ? (
        <Suspense fallback={<Spin />}>
          <PointMap
            basemap={map.basemap}
            areas={map.areas}
            areaCode={map.areaCode}
            point={value ?? null}
            onPick={(p) => onChange?.(p)}
            height={300}
          />
        </Suspense>
      ) : null}
      <Space wrap>
        <Button icon={<AimOutlined />} loading={locating} onClick={here}>
          {t("events.report.useMyPosition")}
        </Button>
        {value ? (
          <Button type="link" onClick={() => onChange?.(null)}>
            {t("events.report.clearPoint")}
          </Button>
        ) : null}
      </Space>
      {value ? (
        <Typography.Text data-testid="picked-point">
          <EnvironmentOutlined /> {value.lat.toFixed(6)}, {value.lng.toFixed(6)}
          {area
            ? ` · ${t("events.report.inArea", { name: area.name, level: levelLabel(t, area.level) })}`
            : area === null
              ? ` · ${t("events.report.outsideAreas")}`
              : ""}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {map ? t("events.report.clickMap") : t("events.report.pointHint")}
        </Typography.Text>
      )}
      {geoError ? <Typography.Text type="danger">{geoError}</Typography.Text> : null}
    </Space>
  );
}
