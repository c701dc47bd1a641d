import { AimOutlined, ArrowUpOutlined, TeamOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, Space, Typography } from "antd";
import { Link } from "react-router";
import type { AreaFeatureProps, Basemap } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { levelLabel } from "../../i18n/translate";
import type { LevelColors } from "./map-style";

export interface AreaPanelProps {
  area: AreaFeatureProps;
  subAreas: AreaFeatureProps[];
  /** True when the area has no boundary to draw. */
  noGeometry: boolean;
  basemap: Basemap | null;
  colors: LevelColors;
  hovered: string | null;
  parentCode: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
  onFit: () => void;
}

/** The side panel: the shown area's name, level, code and children, which open on click. */
export function AreaPanel(props: AreaPanelProps) {
  const { area, subAreas, noGeometry, basemap, colors, hovered, parentCode, onHover, onSelect, onFit } =
    props;
  const t = useT();
  const swatch = (level: string) => colors[level as keyof LevelColors];

  return (
    <Card
      size="small"
      title={area.name}
      extra={
        <Space size={4}>
          <Button
            size="small"
            icon={<AimOutlined />}
            onClick={onFit}
            title={t("map.fit")}
            aria-label={t("map.fit")}
          />
          {parentCode ? (
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              onClick={() => onSelect(parentCode)}
              title={t("map.up")}
              aria-label={t("map.up")}
            />
          ) : null}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "level", label: t("map.level"), children: levelLabel(t, area.level) },
          {
            key: "code",
            label: t("map.code"),
            children: <Typography.Text copyable>{area.code}</Typography.Text>,
          },
          { key: "children", label: t("map.childCount"), children: subAreas.length },
          {
            key: "basemap",
            label: t("map.basemap"),
            children: basemap ? basemap.attribution || basemap.crs.toUpperCase() : t("map.basemapNone"),
          },
        ]}
      />
      {area.level === "grid" ? (
        <Link to={`/areas/${encodeURIComponent(area.code)}/team`} className="map-team-link">
          <Button size="small" icon={<TeamOutlined />} style={{ marginTop: 8 }}>
            {t("map.team")}
          </Button>
        </Link>
      ) : null}
      {noGeometry ? (
        <Alert type="info" showIcon title={t("map.noGeometry")} style={{ marginTop: 8 }} />
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t("map.children")}
      </Typography.Title>
      {subAreas.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("map.noChildren")} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("map.hint")}
          </Typography.Paragraph>
          <ul className="map-child-list" onMouseLeave={() => onHover(null)}>
            {subAreas.map((c) => (
              <li
                key={c.code}
                className={c.code === hovered ? "map-child-hover" : undefined}
                onMouseEnter={() => onHover(c.code)}
              >
                <span className="map-legend-swatch" style={{ background: swatch(c.level) }} />
                <Typography.Link onClick={() => onSelect(c.code)}>{c.name}</Typography.Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
