import { Alert, Form, Modal, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { api, queryString } from "../../../api/client";
import type { AreaView, CoordinateSystem, SplitResult } from "../../../api/area-types";
import { ActionError } from "../../../components/areas/ActionError";
import { areaUrl } from "../../../components/areas/area-api";
import {
  asCollection,
  guessProperty,
  propertyKeys,
  splitParts,
  type GeoCollection,
} from "../../../components/areas/geojson-file";
import { GeoJsonPicker } from "../../../components/areas/GeoJsonPicker";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";
import { CrsSelect } from "./CrsSelect";
import { PropertySelect } from "./PropertySelect";

/**
 * Splits an area into the parts of an uploaded FeatureCollection (each with a code and a name).
 * The area is retired; each of its children goes to the part that contains it.
 */
export function SplitModal({
  area,
  open,
  onClose,
  onDone,
}: {
  area: AreaView;
  open: boolean;
  onClose: () => void;
  onDone: (result: SplitResult) => void;
}) {
  const t = useT();
  const [fc, setFc] = useState<GeoCollection | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [codeProp, setCodeProp] = useState("code");
  const [nameProp, setNameProp] = useState("name");
  const [crs, setCrs] = useState<CoordinateSystem>("wgs84");
  const action = useAction();
  const keys = useMemo(() => (fc ? propertyKeys(fc) : []), [fc]);
  const split = useMemo(() => (fc ? splitParts(fc, codeProp, nameProp) : null), [fc, codeProp, nameProp]);
  const ready = split !== null && split.missing.length === 0 && split.parts.length >= 2;

  const submit = async () => {
    if (!split || !ready) return;
    const done = await action.run(() =>
      api.post<SplitResult>(areaUrl(area.code, `/split${queryString({ crs })}`), { parts: split.parts }),
    );
    if (done) onDone(done.value);
  };

  return (
    <Modal
      open={open}
      title={t("areas.splitTitle", { name: area.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !ready, danger: true }}
      okText={t("areas.split")}
      confirmLoading={action.busy}
      destroyOnHidden
      width={720}
    >
      <ActionError error={action.error} />
      <Typography.Paragraph type="secondary">{t("areas.splitHint")}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("geojson.file")} required>
          <GeoJsonPicker
            onPicked={(file) => {
              setFc(null);
              setFileError(null);
              if (!file) return;
              const found = asCollection(file.value);
              if (!found.ok) return setFileError(t(`geojson.error.${found.reason}`));
              const foundKeys = propertyKeys(found.value);
              setCodeProp(guessProperty(foundKeys, "code") ?? "code");
              setNameProp(guessProperty(foundKeys, "name") ?? "name");
              setFc(found.value);
            }}
          />
        </Form.Item>
        {fileError ? <Alert type="error" showIcon title={fileError} style={{ marginBottom: 16 }} /> : null}
        <div style={{ display: "flex", gap: 12 }}>
          <Form.Item label={t("geojson.codeProp")} style={{ flex: 1 }}>
            <PropertySelect keys={keys} value={codeProp} onChange={setCodeProp} />
          </Form.Item>
          <Form.Item label={t("geojson.nameProp")} style={{ flex: 1 }}>
            <PropertySelect keys={keys} value={nameProp} onChange={setNameProp} />
          </Form.Item>
          <Form.Item label={t("geojson.crs")} style={{ flex: 1 }}>
            <CrsSelect value={crs} onChange={setCrs} />
          </Form.Item>
        </div>
      </Form>
      {split && split.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("areas.splitMissing", { list: split.missing.map((i) => `#${i}`).join(", ") })}
        />
      ) : null}
      {split && split.parts.length === 1 && split.missing.length === 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("areas.splitTooFew")} />
      ) : null}
      {split ? (
        <Table
          size="small"
          rowKey="code"
          title={() => t("areas.splitParts", { count: split.parts.length })}
          dataSource={split.parts}
          pagination={false}
          scroll={{ y: 240 }}
          columns={[
            { title: t("areas.code"), dataIndex: "code" },
            { title: t("areas.name"), dataIndex: "name" },
          ]}
        />
      ) : null}
    </Modal>
  );
}
