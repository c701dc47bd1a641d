import { Select } from "antd";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "../../../api/area-types";
import { useT } from "../../../i18n/I18nProvider";

/** The coordinate system of an uploaded file: WGS84, GCJ-02 (AMap, Tencent) or BD-09 (Baidu). */
export function CrsSelect(props: {
  value?: CoordinateSystem;
  onChange?: (crs: CoordinateSystem) => void;
  id?: string;
}) {
  const t = useT();
  return (
    <Select<CoordinateSystem>
      {...props}
      options={COORDINATE_SYSTEMS.map((c) => ({ value: c, label: t(`crs.${c}`) }))}
    />
  );
}
