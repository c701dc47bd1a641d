import "maplibre-gl/dist/maplibre-gl.css";
import { Alert, theme } from "antd";
import {
  MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapMouseEvent,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { AreaFeatureCollection, Basemap } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { bd09ToGcj02, fromWgs84, gcj02ToWgs84, type Crs, type LngLat } from "../../pages/map/crs";
import { collectionBounds, displayCollection } from "../../pages/map/geo";
import { AREA_SOURCE, buildStyle, levelColors } from "../../pages/map/map-style";

setWorkerUrl(workerUrl);

/** A point in WGS84, as the API takes and gives it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** The function taking a point of the basemap's system back to WGS84. */
export function toWgs84(crs: Crs): (p: LngLat) => LngLat {
  switch (crs) {
    case "gcj02":
      return gcj02ToWgs84;
    case "bd09":
      return (p) => gcj02ToWgs84(bd09ToGcj02(p));
    default:
      return (p) => [p[0], p[1]];
  }
}

/**
 * A small MapLibre map with the offline basemap (as the map page has it), the outlines of an area and
 * its children, and a marker at the point; with `onPick`, a click moves the marker and reports the
 * WGS84 point. Points are converted to and from the basemap's coordinate system.
 */
export function PointMap({
  basemap,
  areas,
  areaCode,
  point,
  onPick,
  height = 320,
}: {
  basemap: Basemap | null;
  areas?: AreaFeatureCollection | null;
  areaCode?: string | null;
  point?: LatLng | null;
  onPick?: (p: LatLng) => void;
  height?: number | string;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const marker = useRef<Marker | null>(null);
  const crs: Crs = basemap?.crs ?? "wgs84";
  const display = useMemo(
    () => (areas && areaCode ? displayCollection(areas, areaCode, crs) : null),
    [areas, areaCode, crs],
  );
  const pick = useEffectEvent((e: MapMouseEvent) => {
    if (!onPick) return;
    const [lng, lat] = toWgs84(crs)([e.lngLat.lng, e.lngLat.lat]);
    onPick({ lat: Math.round(lat * 1e7) / 1e7, lng: Math.round(lng * 1e7) / 1e7 });
  });
  const initialView = useEffectEvent(() => {
    if (point) return { center: fromWgs84(crs)([point.lng, point.lat]) as [number, number], zoom: 16 };
    const bounds = display && collectionBounds(display);
    if (bounds) return { bounds, fitBoundsOptions: { padding: 20, maxZoom: 17 } };
    return { center: [104, 35] as [number, number], zoom: 3 };
  });
  // the point is read, not watched, by the outline effect: a pick must not refit the view
  const hasPoint = useEffectEvent(() => Boolean(point));
  const style = useEffectEvent(() =>
    buildStyle(basemap, levelColors(token), token.colorBgLayout, token.colorTextQuaternary),
  );

  useEffect(() => {
    if (!container.current) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container: container.current,
        style: style(),
        ...initialView(),
        maxZoom: basemap?.maxZoom ?? 19,
        attributionControl: basemap ? { compact: true } : false,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    created.addControl(new NavigationControl({ showCompass: false }), "top-right");
    created.on("click", (e) => pick(e));
    created.on("load", () => setMap(created));
    return () => {
      setMap(null);
      marker.current = null;
      created.remove();
    };
  }, [basemap]);

  // the area outlines; the view fits them unless a point is shown
  useEffect(() => {
    if (!map || !display) return;
    map.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(display);
    // the children's names, so a grid worker sees which micro-grid a click falls in
    const labels = display.features
      .filter((f) => f.properties.role === "child")
      .map((f) => {
        const el = document.createElement("div");
        el.textContent = f.properties.label;
        Object.assign(el.style, {
          pointerEvents: "none",
          whiteSpace: "nowrap",
          padding: "1px 6px",
          borderRadius: "4px",
          fontSize: "12px",
          background: "rgba(255,255,255,0.8)",
          boxShadow: "0 0 2px rgba(0,0,0,0.2)",
        });
        return new Marker({ element: el, anchor: "center" })
          .setLngLat([f.properties.labelLng, f.properties.labelLat])
          .addTo(map);
      });
    const bounds = collectionBounds(display);
    if (bounds && !hasPoint()) map.fitBounds(bounds, { padding: 20, duration: 0, maxZoom: 17 });
    return () => {
      for (const l of labels) l.remove();
    };
  }, [map, display]);

  // the marker follows the point
  useEffect(() => {
    if (!map) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at = fromWgs84(crs)([point.lng, point.lat]) as [number, number];
    if (!marker.current) marker.current = new Marker({ color: token.colorError }).setLngLat(at).addTo(map);
    else marker.current.setLngLat(at);
    if (!map.getBounds().contains(at)) map.easeTo({ center: at, duration: 300 });
  }, [map, point, crs, token.colorError]);

  if (failed) return <Alert type="warning" showIcon title={t("map.noWebgl")} />;
  return (
    <div
      ref={container}
      className="event-point-map"
      data-ready={map ? "true" : "false"}
      style={{
        position: "relative",
        height,
        borderRadius: 8,
        overflow: "hidden",
        border: `1px solid ${token.colorBorderSecondary}`,
        cursor: onPick ? "crosshair" : undefined,
      }}
    />
  );
}
