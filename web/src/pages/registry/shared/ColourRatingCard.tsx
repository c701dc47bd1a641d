import { App, Button, Card, Form, Input, Modal, Segmented, Space, Timeline, Typography, Alert } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { PlaceView, RatingView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";
import { codeText } from "./codes";
import { ColourTag } from "./ColourTag";
import { recordUrl } from "./registry-api";

const TIMELINE_COLOURS: Record<string, string> = { red: "#cf1322", yellow: "#d4b106", green: "#389e0d" };

/** Changes a place's colour with a reason (黄牌升绿牌…); the rating joins the place's history. */
function RatingModal({
  place,
  open,
  onClose,
  onSaved,
}: {
  place: PlaceView;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ colour: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: { colour: string; reason: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(recordUrl("places", place.id, "/rating"), { colour: v.colour, reason: v.reason.trim() });
      message.success(t("registry.rating.saved"));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("registry.rating.title", { name: place.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ colour: place.colour ?? undefined }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="colour"
          label={t("registry.rating.colour")}
          rules={[{ required: true, message: t("registry.rating.colourRule") }]}
        >
          <Segmented
            block
            options={["green", "yellow", "red"].map((c) => ({
              value: c,
              label: codeText("colour-rating", c, lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("registry.rating.reason")}
          rules={[
            { required: true, whitespace: true, message: t("registry.rating.reasonRule") },
            { min: 2, max: 500, message: t("registry.rating.reasonRule") },
          ]}
        >
          <Input.TextArea
            rows={3}
            showCount
            maxLength={500}
            placeholder={t("registry.rating.reasonPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A place's colour rating now, its history (newest first), and for editors a rating change with a reason. */
export function ColourRatingCard({ place, onChanged }: { place: PlaceView; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const url = recordUrl("places", place.id, "/ratings");
  const ratings = useRemote(`${url}#${place.version}`, () => api.get<{ items: RatingView[] }>(url));
  const [open, setOpen] = useState(false);
  const items = (ratings.data?.items ?? []).filter((r) => r.kind === "colour");

  return (
    <Card
      size="small"
      title={t("registry.rating.cardTitle")}
      extra={
        place.can.rate ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {t("registry.rating.change")}
          </Button>
        ) : null
      }
    >
      <Space size={8} style={{ marginBottom: 12 }} wrap>
        <ColourTag colour={place.colour} none={t("registry.rating.unrated")} />
        {place.colourSince ? (
          <Typography.Text type="secondary">
            {t("registry.rating.since", { date: place.colourSince })}
          </Typography.Text>
        ) : null}
      </Space>
      {ratings.error ? <ErrorAlert error={ratings.error} onRetry={ratings.reload} /> : null}
      {items.length ? (
        <Timeline
          items={items.map((r) => ({
            key: r.id,
            color: TIMELINE_COLOURS[r.value] ?? "gray",
            content: (
              <div>
                <Typography.Text strong>{codeText("colour-rating", r.value, lang)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {formatDateTime(r.ratedAt).slice(0, 16)}
                  {r.ratedBy ? ` · ${r.ratedBy}` : ""}
                </Typography.Text>
                {r.reason ? <div>{r.reason}</div> : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">{t("registry.rating.none")}</Typography.Text>
      )}
      <RatingModal
        place={place}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          onChanged();
        }}
      />
    </Card>
  );
}
