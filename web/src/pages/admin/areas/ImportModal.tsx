import { Alert, Button, Form, Modal, Select, Switch, Typography } from "antd";
import { useMemo, useState } from "react";
import { api, queryString } from "../../../api/client";
import type { CoordinateSystem, ImportReport } from "../../../api/area-types";
import { AREA_LEVELS, type Area } from "../../../api/types";
import { ActionError } from "../../../components/areas/ActionError";
import { AreaPicker } from "../../../components/areas/AreaPicker";
import { childLevel } from "../../../components/areas/area-tree";
import {
  asCollection,
  guessProperty,
  propertyKeys,
  type GeoCollection,
} from "../../../components/areas/geojson-file";
import { GeoJsonPicker, type PickedFile } from "../../../components/areas/GeoJsonPicker";
import { useAction } from "../../../components/areas/use-action";
import { useT } from "../../../i18n/I18nProvider";
import { levelLabel } from "../../../i18n/translate";
import { CrsSelect } from "./CrsSelect";
import { ImportResult } from "./ImportResult";
import { PropertySelect } from "./PropertySelect";

interface ImportValues {
  level?: string;
  parent?: string;
  codeProp?: string;
  nameProp?: string;
  crs: CoordinateSystem;
  strict: boolean;
}

/**
 * Imports a GeoJSON FeatureCollection as areas of one level under one parent. The file is read in
 * the browser (for its property names) and sent as it is; all or nothing, with a report.
 */
export function ImportModal({
  roots,
  parent,
  childLevelHint,
  open,
  onClose,
  onImported,
}: {
  roots: readonly Area[] | undefined;
  /** The area selected in the tree, offered as the parent. */
  parent: Area | null;
  /** The level the parent's children already have, if known. */
  childLevelHint?: string;
  open: boolean;
  onClose: () => void;
  onImported: (parent: string | undefined) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<{ picked: PickedFile; fc: GeoCollection } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useAction();
  const keys = useMemo(() => (file ? propertyKeys(file.fc) : []), [file]);

  const pick = (picked: PickedFile | null) => {
    setFile(null);
    setFileError(null);
    if (!picked) return;
    const found = asCollection(picked.value);
    if (!found.ok) return setFileError(t(`geojson.error.${found.reason}`));
    setFile({ picked, fc: found.value });
    const names = propertyKeys(found.value);
    form.setFieldsValue({ codeProp: guessProperty(names, "code"), nameProp: guessProperty(names, "name") });
  };

  const submit = async (values: ImportValues) => {
    if (!file) return setFileError(t("geojson.required"));
    const query = queryString({
      level: values.level,
      parent: values.parent,
      codeProp: values.codeProp,
      nameProp: values.nameProp,
      crs: values.crs,
      strict: values.strict,
    });
    const done = await action.run(() =>
      api.postJsonText<ImportReport>(`/api/areas/import${query}`, file.picked.text),
    );
    if (done) {
      setReport(done.value);
      onImported(values.parent);
    }
  };

  const footer = report
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t("common.close")}
        </Button>,
      ]
    : undefined;

  return (
    <Modal
      open={open}
      title={t("import.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("import.submit")}
      confirmLoading={action.busy}
      footer={footer}
      destroyOnHidden
      width={820}
    >
      {report ? (
        <ImportResult report={report} />
      ) : (
        <>
          <ActionError error={action.error} />
          <Form<ImportValues>
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            initialValues={{
              parent: parent?.code,
              level: parent ? childLevel(AREA_LEVELS, parent.level, childLevelHint) : undefined,
              crs: "wgs84",
              strict: false,
            }}
          >
            <Form.Item label={t("geojson.file")} required>
              <GeoJsonPicker onPicked={pick} />
            </Form.Item>
            {fileError ? (
              <Alert type="error" showIcon title={fileError} style={{ marginBottom: 16 }} />
            ) : null}
            {file ? (
              <Typography.Paragraph>
                {t("import.features", { count: file.fc.features.length, keys: keys.join("、") || "—" })}
              </Typography.Paragraph>
            ) : null}
            <div style={{ display: "flex", gap: 12 }}>
              <Form.Item
                name="level"
                label={t("import.level")}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t("import.levelRequired") }]}
              >
                <Select options={AREA_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))} />
              </Form.Item>
              <Form.Item
                name="parent"
                label={t("import.parent")}
                style={{ flex: 2 }}
                extra={t("import.parentHint")}
              >
                <AreaPicker roots={roots} />
              </Form.Item>
            </div>
            <div style={{ display: "flex", gap: 12 }}>
              <Form.Item
                name="codeProp"
                label={t("geojson.codeProp")}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t("import.propRequired") }]}
              >
                <PropertySelect keys={keys} />
              </Form.Item>
              <Form.Item
                name="nameProp"
                label={t("geojson.nameProp")}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t("import.propRequired") }]}
              >
                <PropertySelect keys={keys} />
              </Form.Item>
              <Form.Item name="crs" label={t("geojson.crs")} style={{ flex: 1 }}>
                <CrsSelect />
              </Form.Item>
            </div>
            <Form.Item
              name="strict"
              label={t("import.strict")}
              valuePropName="checked"
              extra={t("import.strictHint")}
            >
              <Switch />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
