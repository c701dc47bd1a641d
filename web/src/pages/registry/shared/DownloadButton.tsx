import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps } from "antd";
import { useState, type ReactNode } from "react";
import { useErrorText } from "../../../i18n/error-text";
import { downloadFile } from "./download";

/** A button that downloads a file from the API, showing the server's message when it refuses. */
export function DownloadButton({
  url,
  fileName,
  children,
  ...props
}: { url: string; fileName: string; children?: ReactNode } & Omit<ButtonProps, "onClick" | "href">) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      {...props}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(url, fileName);
        } catch (e) {
          message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
