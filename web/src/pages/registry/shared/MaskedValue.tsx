import "../registry.css";
import { EyeOutlined } from "@ant-design/icons";
import { Button, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/I18nProvider";
import { RevealModal } from "./RevealModal";

/**
 * A masked personal value (ID number, phone) with a "查看" button for those allowed: after a
 * reason it shows the clear value here, for this view only (leaving the page forgets it).
 */
export function MaskedValue({
  masked,
  canReveal,
  title,
  reveal,
}: {
  masked: string | null | undefined;
  canReveal: boolean;
  /** The modal's title, e.g. "查看张三的身份证号". */
  title: string;
  reveal: (reason: string) => Promise<string | null>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [clear, setClear] = useState<string | null | undefined>(undefined);

  if (!masked) return <span>{t("common.none")}</span>;
  return (
    <Space size={4} wrap>
      {clear !== undefined ? (
        <>
          <Typography.Text copyable={clear ? { text: clear } : false} strong>
            {clear ?? t("common.none")}
          </Typography.Text>
          <Tooltip title={t("registry.reveal.recorded")}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("registry.reveal.shownOnce")}
            </Typography.Text>
          </Tooltip>
        </>
      ) : (
        <>
          <span className="masked-value">{masked}</span>
          {canReveal ? (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              onClick={() => setOpen(true)}
              style={{ paddingInline: 0 }}
            >
              {t("registry.reveal.button")}
            </Button>
          ) : null}
        </>
      )}
      <RevealModal
        open={open}
        title={title}
        reveal={reveal}
        onRevealed={(v) => setClear(v)}
        onClose={() => setOpen(false)}
      />
    </Space>
  );
}
