import type { GlobalToken } from "antd";
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import type { Basemap } from "../../api/types";
import { AREA_LEVELS } from "../../api/types";

export type LevelColors = Record<(typeof AREA_LEVELS)[number], string>;

type LevelTokens = Pick<GlobalToken, "magenta" | "colorPrimary" | "cyan" | "purple" | "green" | "orange">;

/** One colour per area level from the antd theme tokens, neighbours apart (streets in the primary colour). */
export function levelColors(token: LevelTokens): LevelColors {
  return {
    district: token.magenta,
    street: token.colorPrimary,
    community: token.cyan,
    grid_layer: token.purple,
    grid: token.green,
    micro_grid: token.orange,
  };
}

export const AREA_SOURCE = "areas";
export const FILL_LAYER = "area-fill";
export const LINE_LAYER = "area-line";
export const OUTLINE_LAYER = "area-outline";

function colourByLevel(colors: LevelColors, fallback: string): ExpressionSpecification {
  const pairs = AREA_LEVELS.flatMap((level) => [level, colors[level]]);
  return ["match", ["get", "level"], ...pairs, fallback] as unknown as ExpressionSpecification;
}

const hovered: ExpressionSpecification = ["boolean", ["feature-state", "hover"], false];

const role = ["get", "role"] as unknown as ExpressionSpecification;

/**
 * The area layers: fills coloured by level (siblings of a leaf in grey), stronger when hovered;
 * thin outlines for children and siblings, and the shown area's outline on top.
 */
function areaLayers(colors: LevelColors, fallback: string): LayerSpecification[] {
  const colour: ExpressionSpecification = [
    "case",
    ["==", role, "sibling"],
    fallback,
    colourByLevel(colors, fallback),
  ];
  return [
    {
      id: FILL_LAYER,
      type: "fill",
      source: AREA_SOURCE,
      paint: {
        "fill-color": colour,
        "fill-opacity": [
          "match",
          role,
          "self",
          0.06,
          "leaf",
          0.38,
          "sibling",
          ["case", hovered, 0.3, 0.1],
          ["case", hovered, 0.5, 0.2],
        ],
      },
    },
    {
      id: LINE_LAYER,
      type: "line",
      source: AREA_SOURCE,
      filter: ["in", role, ["literal", ["child", "sibling"]]],
      layout: { "line-join": "round" },
      paint: { "line-color": colour, "line-width": ["case", hovered, 3, ["match", role, "child", 1.5, 1]] },
    },
    {
      id: OUTLINE_LAYER,
      type: "line",
      source: AREA_SOURCE,
      filter: ["in", role, ["literal", ["self", "leaf"]]],
      layout: { "line-join": "round" },
      paint: { "line-color": colour, "line-width": 3 },
    },
  ];
}

/**
 * A style with only local content: a plain background, the basemap's raster tiles when one is
 * configured, and the area layers. No glyphs or sprites, so nothing else is fetched.
 */
export function buildStyle(
  basemap: Basemap | null,
  colors: LevelColors,
  background: string,
  fallback: string,
): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [AREA_SOURCE]: {
        type: "geojson",
        data: { type: "FeatureCollection", features: [] },
        promoteId: "code",
      },
    },
    layers: [{ id: "background", type: "background", paint: { "background-color": background } }],
  };
  if (basemap) {
    style.sources.basemap = {
      type: "raster",
      tiles: basemap.tiles,
      tileSize: 256,
      maxzoom: basemap.maxZoom,
      attribution: basemap.attribution,
    };
    style.layers.push({ id: "basemap", type: "raster", source: "basemap" });
  }
  style.layers.push(...areaLayers(colors, fallback));
  return style;
}
