import { App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import { URGENCIES, type CreatedEvent } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { loadRoots } from "../../../components/areas/area-api";
import { AreaPicker } from "../../../components/areas/AreaPicker";
import { CategoryCascader } from "../../../components/events/CategoryCascader";
import { loadCategories } from "../../../components/events/event-api";
import { sourceLabel, urgencyLabel } from "../../../components/events/labels";
import { PhotoUpload } from "../../../components/events/PhotoUpload";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { useMe } from "../../../session/SessionProvider";
import { loadMapConfig, loadSubtree } from "../../map/map-api";
import { PointField } from "./PointField";
import { ReportDone } from "./ReportDone";
import {
  defaultSource,
  DESK_SOURCES,
  hasLocation,
  isDeskUser,
  PHONE_PATTERN,
  recordsReporter,
  reportBody,
  type ReportValues,
} from "./report-form";

/**
 * `/events/report`: the one-window intake desk (一窗受理) for the centre, and the report form for grid
 * workers, handlers, residents and volunteers (simpler: no source, reporter or area fields, no map).
 */
export function ReportEventPage() {
  const t = useT();
  const me = useMe();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const desk = isDeskUser(me.roles);
  const staff = recordsReporter(me.roles);
  const home = me.scope ?? me.scopes[0] ?? null;
  const categories = useRemote("event-categories", () => loadCategories());
  const mapData = useRemote(staff ? "report:map" : null, async () => {
    const config = await loadMapConfig();
    const areas = home ? await loadSubtree(home.code).catch(() => null) : null;
    return { basemap: config.basemap, areas, areaCode: home?.code ?? null };
  });
  const roots = useRemote(staff ? "areas:roots" : null, () => loadRoots(me));
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedEvent | null>(null);
  const [anonymousShown, setAnonymousShown] = useState(false);
  const anonymous = Form.useWatch("anonymous", form);

  const submit = async (v: ReportValues) => {
    if (!hasLocation(v)) {
      form.setFields([{ name: "point", errors: [t("events.report.locationRequired")] }]);
      return;
    }
    setBusy(true);
    try {
      const event = await api.post<CreatedEvent>(
        "/api/events",
        reportBody(v, desk ? (v.source ?? "desk") : defaultSource(me.roles)),
      );
      setAnonymousShown(Boolean(v.anonymous) || !staff);
      setCreated(event);
      form.resetFields();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (created)
    return (
      <ReportDone
        event={created}
        showTracking={anonymousShown || desk}
        staff={staff}
        onAnother={() => setCreated(null)}
      />
    );

  return (
    <Card title={desk ? t("events.report.deskTitle") : t("events.report.title")} className="report-page">
      {categories.error ? <ErrorAlert error={categories.error} onRetry={categories.reload} /> : null}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ urgency: "normal", source: "desk", photos: [], point: null }}
        requiredMark="optional"
        scrollToFirstError
      >
        <Row gutter={24}>
          <Col xs={24} lg={staff ? 12 : 24}>
            {desk ? (
              <Form.Item name="source" label={t("events.field.source")}>
                <Select options={DESK_SOURCES.map((s) => ({ value: s, label: sourceLabel(t, s) }))} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="category"
              label={t("events.field.category")}
              rules={[
                { required: true, message: t("events.report.categoryRequired") },
                {
                  validator: (_, v: string[] | undefined) =>
                    !v || v.length === 2
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("events.report.leafRequired"))),
                },
              ]}
            >
              <CategoryCascader tree={categories.data} />
            </Form.Item>
            <Form.Item name="urgency" label={t("events.field.urgency")}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t("events.field.title")} extra={t("events.report.titleHint")}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t("events.field.description")}
              rules={[
                { required: true, whitespace: true, message: t("events.report.descriptionRequired") },
                { min: 5, message: t("events.report.descriptionShort") },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t("events.report.descriptionHint")}
              />
            </Form.Item>
            <Form.Item name="photos" label={t("events.field.photos")}>
              <PhotoUpload />
            </Form.Item>
          </Col>
          <Col xs={24} lg={staff ? 12 : 24}>
            <Form.Item name="point" label={t("events.field.location")}>
              <PointField map={staff ? (mapData.data ?? null) : null} />
            </Form.Item>
            {staff ? (
              <Form.Item name="areaCode" label={t("events.field.area")} extra={t("events.report.areaHint")}>
                <AreaPicker roots={roots.data} />
              </Form.Item>
            ) : null}
            <Form.Item name="address" label={t("events.field.address")}>
              <Input maxLength={200} placeholder={t("events.report.addressHint")} />
            </Form.Item>
            {staff ? (
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="reporterName" label={t("events.field.reporterName")}>
                    <Input maxLength={50} disabled={anonymous} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="reporterPhone"
                    label={t("events.field.reporterPhone")}
                    rules={[{ pattern: PHONE_PATTERN, message: t("events.report.phoneInvalid") }]}
                  >
                    <Input maxLength={20} inputMode="tel" disabled={anonymous} />
                  </Form.Item>
                </Col>
              </Row>
            ) : null}
            <Form.Item name="anonymous" valuePropName="checked" extra={t("events.report.anonymousHint")}>
              <Checkbox>{t("events.field.anonymous")}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">
          {staff ? t("events.report.privacyStaff") : t("events.report.privacyPublic")}
        </Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          size="large"
          block={!desk}
          data-testid="report-submit"
        >
          {t("events.report.submit")}
        </Button>
      </Form>
    </Card>
  );
}
