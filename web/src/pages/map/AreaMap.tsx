import "maplibre-gl/dist/maplibre-gl.css";
import "./map.css";
import { Alert } from "antd";
import {
  MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { Basemap } from "../../api/types";
import { useLang, useT } from "../../i18n/I18nProvider";
import { collectionBounds, type DisplayCollection, type DisplayFeature } from "./geo";
import { AREA_SOURCE, buildStyle, FILL_LAYER, type LevelColors } from "./map-style";

setWorkerUrl(workerUrl);

export interface AreaMapProps {
  basemap: Basemap | null;
  data: DisplayCollection | undefined;
  colors: LevelColors;
  background: string;
  fallbackColor: string;
  hovered: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
  /** Changing it fits the view to the shown area again. */
  fitNonce: number;
}

interface Label {
  marker: Marker;
  element: HTMLDivElement;
  feature: DisplayFeature;
}

const clickable = (role: unknown) => role === "child" || role === "sibling";

/** Hides labels wider or taller than their area appears on screen; the shown area's own label always stays. */
function fitLabels(map: MapLibreMap, labels: readonly Label[]): void {
  for (const { element, feature } of labels) {
    if (!clickable(feature.properties.role)) continue;
    const box = collectionBounds({ features: [feature] });
    if (!box) continue;
    const a = map.project(box[0]);
    const b = map.project(box[1]);
    const fits =
      element.offsetWidth <= Math.abs(b.x - a.x) * 0.95 && element.offsetHeight <= Math.abs(b.y - a.y);
    element.style.visibility = fits ? "visible" : "hidden";
  }
}

/** The area map: MapLibre with the shown area, its children, HTML labels, hover and click to drill down. */
export function AreaMap(props: AreaMapProps) {
  const { basemap, data, colors, background, fallbackColor, hovered, fitNonce } = props;
  const t = useT();
  const { lang } = useLang();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const labels = useRef<Label[]>([]);
  const shownHover = useRef<string | null>(null);
  const onHover = useEffectEvent((code: string | null) => props.onHover(code));
  const onSelect = useEffectEvent((code: string) => props.onSelect(code));
  const style = useEffectEvent(() => buildStyle(basemap, colors, background, fallbackColor));
  const locale = useEffectEvent(() => ({
    "Map.Title": t("map.title"),
    "Marker.Title": t("map.label"),
    "NavigationControl.ZoomIn": t("map.zoomIn"),
    "NavigationControl.ZoomOut": t("map.zoomOut"),
    "NavigationControl.ResetBearing": t("map.resetBearing"),
    "AttributionControl.ToggleAttribution": t("map.attribution"),
    "ScaleControl.Meters": t("map.meters"),
    "ScaleControl.Kilometers": t("map.kilometers"),
  }));

  const initialBounds = useEffectEvent(() => {
    const bounds = data && collectionBounds(data);
    return bounds ? { bounds, fitBoundsOptions: { padding: 40, maxZoom: 18 } } : null;
  });

  // one map per basemap; the style carries everything but the area data
  useEffect(() => {
    if (!container.current) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container: container.current,
        style: style(),
        // the shown area when it is already loaded, else China until it is
        ...(initialBounds() ?? { center: [104, 35], zoom: 3 }),
        maxZoom: basemap?.maxZoom ?? 19,
        attributionControl: basemap ? { compact: true } : false,
        dragRotate: false,
        pitchWithRotate: false,
        locale: locale(),
      });
    } catch {
      setFailed(true); // no WebGL
      return;
    }
    created.addControl(new NavigationControl({ showCompass: false }), "top-right");
    created.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    const childAt = (e: MapLayerMouseEvent) => e.features?.find((f) => clickable(f.properties.role));
    created.on("mousemove", FILL_LAYER, (e) => {
      const child = childAt(e);
      created.getCanvas().style.cursor = child ? "pointer" : "";
      onHover(child ? String(child.properties.code) : null);
    });
    created.on("mouseleave", FILL_LAYER, () => {
      created.getCanvas().style.cursor = "";
      onHover(null);
    });
    created.on("click", FILL_LAYER, (e) => {
      const child = childAt(e);
      if (child) onSelect(String(child.properties.code));
    });
    created.on("moveend", () => fitLabels(created, labels.current));
    created.on("load", () => setMap(created));
    return () => {
      setMap(null);
      labels.current = [];
      created.remove();
    };
  }, [basemap, lang]);

  // the shown area: data, labels, view
  const firstFit = useRef(true);
  useEffect(() => {
    if (!map || !data) return;
    map.removeFeatureState({ source: AREA_SOURCE });
    map.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(data);
    for (const l of labels.current) l.marker.remove();
    labels.current = data.features
      .filter((f) => f.properties.role !== "self")
      .map((feature) => {
        const element = document.createElement("div");
        element.className = `area-label area-label-${feature.properties.role}`;
        element.textContent = feature.properties.label;
        element.dataset.code = feature.properties.code;
        const marker = new Marker({ element, anchor: "center" })
          .setLngLat([feature.properties.labelLng, feature.properties.labelLat])
          .addTo(map);
        return { marker, element, feature };
      });
    shownHover.current = null;
    const bounds = collectionBounds(data);
    if (bounds) map.fitBounds(bounds, { padding: 40, duration: firstFit.current ? 0 : 500, maxZoom: 18 });
    firstFit.current = false;
    fitLabels(map, labels.current);
  }, [map, data]);

  // data is read, not watched: the data effect already fits a new area
  const refit = useEffectEvent((target: MapLibreMap) => {
    const bounds = data && collectionBounds(data);
    if (bounds) target.fitBounds(bounds, { padding: 40, duration: 500, maxZoom: 18 });
  });
  useEffect(() => {
    if (map && fitNonce > 0) refit(map);
  }, [map, fitNonce]);

  // hover highlight, from the map or from the side panel
  useEffect(() => {
    if (!map) return;
    const previous = shownHover.current;
    if (previous === hovered) return;
    if (previous) map.setFeatureState({ source: AREA_SOURCE, id: previous }, { hover: false });
    if (hovered) map.setFeatureState({ source: AREA_SOURCE, id: hovered }, { hover: true });
    for (const l of labels.current)
      l.element.classList.toggle("area-label-hover", l.feature.properties.code === hovered);
    shownHover.current = hovered;
  }, [map, hovered, data]);

  if (failed) return <Alert type="warning" showIcon title={t("map.noWebgl")} />;
  return <div ref={container} className="area-map" data-ready={map && data ? "true" : "false"} />;
}
