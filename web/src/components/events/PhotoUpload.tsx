import { PlusOutlined } from "@ant-design/icons";
import { App, Image, Space, Upload, type UploadFile } from "antd";
import { useEffect, useState } from "react";
import { useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";
import { fileUrl, uploadFile } from "./event-api";

const MAX_PHOTOS = 9;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Photos of a report or a result: each is uploaded at once (`POST /api/files`) and the form's value
 * is the list of file ids of the finished uploads. On a phone the picker offers the camera.
 */
export function PhotoUpload({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>(() =>
    (value ?? []).map((fid) => ({ uid: fid, name: fid, status: "done", url: fileUrl(fid), response: fid })),
  );
  const [preview, setPreview] = useState<string | null>(null);

  // the form was reset from outside: forget the shown files
  useEffect(() => {
    if ((value ?? []).length === 0) setFiles((prev) => (prev.some((f) => f.status === "done") ? [] : prev));
  }, [value]);

  const publish = (next: UploadFile[]) => {
    setFiles(next);
    onChange?.(
      next
        .filter((f) => f.status === "done" && typeof f.response === "string")
        .map((f) => f.response as string),
    );
  };

  return (
    <>
      <Upload
        id={id}
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            message.error(t("events.photos.tooLarge"));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File).then(
            (fid) => onSuccess?.(fid),
            (e: unknown) => {
              message.error(errorText(e));
              onError?.(e as Error);
            },
          );
        }}
        onChange={({ fileList }) =>
          publish(
            fileList.map((f) =>
              f.status === "done" && typeof f.response === "string" ? { ...f, url: fileUrl(f.response) } : f,
            ),
          )
        }
        onPreview={(f) => setPreview(f.url ?? (typeof f.response === "string" ? fileUrl(f.response) : null))}
      >
        {files.length >= MAX_PHOTOS ? null : (
          <Space orientation="vertical" size={2} align="center">
            <PlusOutlined />
            <span style={{ fontSize: 12 }}>{t("events.photos.add")}</span>
          </Space>
        )}
      </Upload>
      {preview ? (
        <Image
          style={{ display: "none" }}
          src={preview}
          preview={{ open: true, onOpenChange: (open) => !open && setPreview(null) }}
        />
      ) : null}
    </>
  );
}

/** Photos shown as thumbnails that open large. */
export function PhotoGallery({
  ids,
  size = 96,
}: {
  ids: readonly string[] | null | undefined;
  size?: number;
}) {
  const t = useT();
  if (!ids || ids.length === 0)
    return <span style={{ color: "rgba(0,0,0,0.45)" }}>{t("events.photos.none")}</span>;
  return (
    <Image.PreviewGroup>
      <Space size={8} wrap>
        {ids.map((fid) => (
          <Image
            key={fid}
            src={fileUrl(fid)}
            width={size}
            height={size}
            style={{ objectFit: "cover", borderRadius: 6 }}
            alt={t("events.photos.alt")}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
