import { Alert, Form, Modal, Typography } from "antd";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { AreaView, CoordinateSystem } from "../../../api/area-types";
import type { AreaGeometry } from "../../../api/types";
import { ActionError } from "../../../components/areas/ActionError";
import { areaUrl } from "../../../components/areas/area-api";
import { singleGeometry } from "../../../components/areas/geojson-file";
import { GeoJsonPicker } from "../../../components/areas/GeoJsonPicker";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";
import { CrsSelect } from "./CrsSelect";

/** Replaces an area's boundary with the polygon of an uploaded file (`PATCH` with `geometry`). */
export function RedrawModal({
  area,
  open,
  onClose,
  onDone,
}: {
  area: AreaView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [crs, setCrs] = useState<CoordinateSystem>("wgs84");
  const [geometry, setGeometry] = useState<AreaGeometry | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const action = useAction();

  const submit = async () => {
    if (!geometry) return;
    const done = await action.run(() => api.patch(areaUrl(area.code, queryString({ crs })), { geometry }));
    if (done) onDone();
  };

  return (
    <Modal
      open={open}
      title={t("areas.redrawTitle", { name: area.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !geometry }}
      confirmLoading={action.busy}
      destroyOnHidden
      width={640}
    >
      <ActionError error={action.error} />
      <Typography.Paragraph type="secondary">{t("areas.redrawHint")}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("geojson.file")} required>
          <GeoJsonPicker
            onPicked={(file) => {
              setGeometry(null);
              setFileError(null);
              if (!file) return;
              const found = singleGeometry(file.value);
              if (found.ok) setGeometry(found.value);
              else setFileError(t(`geojson.error.${found.reason}`));
            }}
          />
        </Form.Item>
        {fileError ? <Alert type="error" showIcon title={fileError} style={{ marginBottom: 16 }} /> : null}
        {geometry ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("areas.geometryFound", {
              type: geometry.type,
              count: geometry.type === "Polygon" ? 1 : geometry.coordinates.length,
            })}
          />
        ) : null}
        <Form.Item label={t("geojson.crs")} extra={t("geojson.crsHint")}>
          <CrsSelect value={crs} onChange={setCrs} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
