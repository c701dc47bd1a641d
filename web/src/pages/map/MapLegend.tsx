import { useT } from "../../i18n/I18nProvider";
import { levelLabel } from "../../i18n/translate";
import type { LevelColors } from "./map-style";

export interface MapLegendProps {
  levels: readonly string[];
  colors: LevelColors;
  /** The grey of a leaf's neighbours, when they are on screen. */
  siblingColor?: string;
}

/** The colour key for the levels on screen. */
export function MapLegend({ levels, colors, siblingColor }: MapLegendProps) {
  const t = useT();
  if (levels.length === 0) return null;
  return (
    <div className="map-legend" aria-label={t("map.legend")}>
      {levels.map((level) => (
        <div key={level}>
          <span className="map-legend-swatch" style={{ background: colors[level as keyof LevelColors] }} />
          {levelLabel(t, level)}
        </div>
      ))}
      {siblingColor ? (
        <div>
          <span className="map-legend-swatch" style={{ background: siblingColor, opacity: 0.5 }} />
          {t("map.siblings")}
        </div>
      ) : null}
    </div>
  );
}
