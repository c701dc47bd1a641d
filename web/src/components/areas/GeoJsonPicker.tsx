import { InboxOutlined } from "@ant-design/icons";
import { Alert, Spin, Typography, Upload } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/I18nProvider";
import { formatBytes, MAX_FILE_BYTES, parseJson } from "./geojson-file";

/** A GeoJSON file read in the browser: its text (sent as it is) and the parsed value (to look into). */
export interface PickedFile {
  name: string;
  size: number;
  text: string;
  value: unknown;
}

/**
 * Drag-and-drop or click to pick one .geojson/.json file; it is read and parsed here, never
 * uploaded by the picker itself. Files over 100 MB and text that is not JSON are refused.
 */
export function GeoJsonPicker({ onPicked }: { onPicked: (file: PickedFile | null) => void }) {
  const t = useT();
  const [reading, setReading] = useState(false);
  const [picked, setPicked] = useState<{ name: string; size: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = async (file: File) => {
    setError(null);
    setPicked(null);
    onPicked(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(t("geojson.tooLarge", { size: formatBytes(file.size), max: formatBytes(MAX_FILE_BYTES) }));
      return;
    }
    setReading(true);
    try {
      const text = await file.text();
      const parsed = parseJson(text);
      if (!parsed.ok) {
        setError(t("geojson.error.json"));
        return;
      }
      setPicked({ name: file.name, size: file.size });
      onPicked({ name: file.name, size: file.size, text, value: parsed.value });
    } catch {
      setError(t("geojson.readFailed"));
    } finally {
      setReading(false);
    }
  };

  return (
    <div>
      <Spin spinning={reading}>
        <Upload.Dragger
          accept=".geojson,.json,application/geo+json,application/json"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("geojson.pick")}</p>
          <p className="ant-upload-hint">{t("geojson.pickHint")}</p>
        </Upload.Dragger>
      </Spin>
      {picked ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("geojson.picked", { name: picked.name, size: formatBytes(picked.size) })}
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
