import { Spin, theme } from "antd";
import { useMemo } from "react";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { AreaMap } from "../../map/AreaMap";
import { displayCollection } from "../../map/geo";
import { loadMapConfig, loadSubtree } from "../../map/map-api";
import { levelColors } from "../../map/map-style";

/**
 * A small map of an area and its children, drawn by the console map's component; clicking a
 * child selects it. `version` changes after an edit to draw the area again.
 */
export function AreaPreview({
  code,
  version,
  onSelect,
}: {
  code: string;
  version: number;
  onSelect: (code: string) => void;
}) {
  const { token } = theme.useToken();
  const config = useRemote("map:config", loadMapConfig);
  const subtree = useRemote(`areas:preview:${code}:${version}`, () => loadSubtree(code));
  const basemap = config.data?.basemap ?? null;
  const colors = useMemo(() => levelColors(token), [token]);
  const fc = subtree.data;
  const self = fc?.features.find((f) => f.properties.code === code);
  // a leaf is drawn among its siblings, from its parent's subtree
  const leafParent =
    fc && self && !fc.features.some((f) => f.properties.parent === code) ? self.properties.parent : null;
  const context = useRemote(leafParent ? `areas:preview:${leafParent}:${version}` : null, () =>
    loadSubtree(leafParent as string),
  );
  const waiting = leafParent !== null && !context.data && !context.error;
  const contextFc = leafParent ? (context.data ?? null) : null;
  const display = useMemo(
    () =>
      fc && self && !waiting ? displayCollection(fc, code, basemap?.crs ?? "wgs84", contextFc) : undefined,
    [fc, self, code, basemap, contextFc, waiting],
  );

  if (subtree.error) return <ErrorAlert error={subtree.error} onRetry={subtree.reload} />;
  return (
    <div
      className="area-preview"
      style={{ position: "relative", height: 280, background: token.colorBgLayout, borderRadius: 8 }}
    >
      {config.data || config.error ? (
        <AreaMap
          basemap={basemap}
          data={display}
          colors={colors}
          background={token.colorBgLayout}
          fallbackColor={token.colorTextTertiary}
          hovered={null}
          onHover={() => undefined}
          onSelect={onSelect}
          fitNonce={0}
        />
      ) : null}
      {subtree.loading || waiting ? (
        <div style={{ position: "absolute", inset: 0, display: "grid", placeItems: "center" }}>
          <Spin />
        </div>
      ) : null}
    </div>
  );
}
