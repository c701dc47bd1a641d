import { Breadcrumb, Button, Result, Select, Space, Spin, theme } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useRemote } from "../../api/use-remote";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useT } from "../../i18n/I18nProvider";
import { useMe } from "../../session/SessionProvider";
import { AreaMap } from "./AreaMap";
import { AreaPanel } from "./AreaPanel";
import { buildCrumbs } from "./breadcrumb";
import { childrenOf, displayCollection } from "./geo";
import { findTopArea, loadAreaName, loadMapConfig, loadSubtree } from "./map-api";
import { levelColors } from "./map-style";
import { MapLegend } from "./MapLegend";

const mapLink = (code: string) => `/map?area=${encodeURIComponent(code)}`;

/** `/map?area=CODE`: the user's areas on a map, drilling down from street to micro-grid. */
export function MapPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const requested = params.get("area");
  const home = me.scope ?? me.scopes[0] ?? null;
  const top = useRemote(!requested && !home ? "map:top" : null, findTopArea);
  const code = requested ?? home?.code ?? top.data?.code ?? null;

  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(me.scopes.map((s) => [s.code, s.name])),
  );
  const config = useRemote("map:config", loadMapConfig);
  const load = async (c: string) => {
    const fc = await loadSubtree(c);
    setNames((prev) => ({
      ...prev,
      ...Object.fromEntries(fc.features.map((f) => [f.properties.code, f.properties.name])),
    }));
    return { code: c, fc };
  };
  const subtree = useRemote(code ? `map:subtree:${code}` : null, () => load(code as string));
  const shown = subtree.data;
  const area = shown?.fc.features.find((f) => f.properties.code === shown.code);
  const subAreas = useMemo(() => (shown ? childrenOf(shown.fc, shown.code) : []), [shown]);
  const crumbs = area ? buildCrumbs(area.properties.path, me.scopes, names) : [];
  const parentCode = crumbs.length > 1 ? crumbs[crumbs.length - 2].code : null;
  // a leaf is drawn among its siblings, from its parent's subtree
  const leafParent = area && subAreas.length === 0 ? parentCode : null;
  const context = useRemote(leafParent ? `map:subtree:${leafParent}` : null, () =>
    load(leafParent as string),
  );

  const basemap = config.data?.basemap ?? null;
  const colors = useMemo(() => levelColors(token), [token]);
  const contextFc = leafParent && context.data?.code === leafParent ? context.data.fc : null;
  // a leaf waits for its siblings, so the view moves once
  const waiting = leafParent !== null && !contextFc && !context.error;
  const display = useMemo(
    () =>
      shown && !waiting
        ? displayCollection(shown.fc, shown.code, basemap?.crs ?? "wgs84", contextFc)
        : undefined,
    [shown, basemap, contextFc, waiting],
  );
  // the shown area's level first, then its children's (levels in use depend on the deployment)
  const levels = useMemo(
    () => [
      ...new Set(
        display?.features.filter((f) => f.properties.role !== "sibling").map((f) => f.properties.level),
      ),
    ],
    [display],
  );

  // breadcrumb steps reached by a link rather than by drilling down: ask for their names once
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const { code: missing, name } of crumbs) {
      if (name !== undefined || asked.current.has(missing)) continue;
      asked.current.add(missing);
      loadAreaName(missing).then(
        (n) => setNames((prev) => ({ ...prev, [missing]: n })),
        () => undefined, // the code stays as the label
      );
    }
  });

  const [hover, setHover] = useState<{ area: string | null; code: string | null }>({
    area: null,
    code: null,
  });
  const hovered = hover.area === shown?.code ? hover.code : null;
  const onHover = useCallback(
    (c: string | null) => setHover({ area: shown?.code ?? null, code: c }),
    [shown],
  );
  const onSelect = useCallback((c: string) => navigate(mapLink(c)), [navigate]);
  const [fitNonce, setFitNonce] = useState(0);

  if (!code && !top.loading) {
    return top.error ? (
      <ErrorAlert error={top.error} onRetry={top.reload} />
    ) : (
      <Result title={t("map.noArea")} />
    );
  }
  const rootCode = crumbs[0]?.code;

  return (
    <div className="map-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Breadcrumb
          items={crumbs.map((c, i) => ({
            key: c.code,
            title:
              i < crumbs.length - 1 ? (
                <Link to={mapLink(c.code)}>{c.name ?? c.code}</Link>
              ) : (
                (c.name ?? c.code)
              ),
          }))}
        />
        {me.scopes.length > 1 ? (
          <Select
            size="small"
            style={{ minWidth: 200 }}
            aria-label={t("map.myAreas")}
            placeholder={t("map.myAreas")}
            value={me.scopes.some((s) => s.code === rootCode) ? rootCode : undefined}
            options={me.scopes.map((s) => ({ value: s.code, label: s.name }))}
            onChange={onSelect}
          />
        ) : null}
      </Space>
      {subtree.error ? (
        <Space orientation="vertical">
          <ErrorAlert error={subtree.error} onRetry={subtree.reload} />
          {requested ? (
            <Link to="/map">
              <Button>{t("map.backToScope")}</Button>
            </Link>
          ) : null}
        </Space>
      ) : (
        <div className="map-body">
          <div className="map-frame" style={{ background: token.colorBgLayout }}>
            {config.data || config.error ? (
              <AreaMap
                basemap={basemap}
                data={display}
                colors={colors}
                background={token.colorBgLayout}
                fallbackColor={token.colorTextTertiary}
                hovered={hovered}
                onHover={onHover}
                onSelect={onSelect}
                fitNonce={fitNonce}
              />
            ) : null}
            <MapLegend
              levels={levels}
              colors={colors}
              siblingColor={
                display?.features.some((f) => f.properties.role === "sibling")
                  ? token.colorTextTertiary
                  : undefined
              }
            />
            {subtree.loading || config.loading || top.loading || waiting ? (
              <div className="map-spin">
                <Spin />
              </div>
            ) : null}
          </div>
          {area ? (
            <div className="map-side">
              <AreaPanel
                area={area.properties}
                subAreas={subAreas}
                noGeometry={!area.geometry}
                basemap={basemap}
                colors={colors}
                hovered={hovered}
                parentCode={parentCode}
                onHover={onHover}
                onSelect={onSelect}
                onFit={() => setFitNonce((n) => n + 1)}
              />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
