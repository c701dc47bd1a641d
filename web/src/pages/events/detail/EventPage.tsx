import { Card, Col, Descriptions, Result, Row, Space, Spin, Typography } from "antd";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../api/client";
import type { EventAction, EventPart } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { ActionModal, type ActionTarget } from "../../../components/events/ActionModal";
import { consultationIds } from "../../../components/events/consultation-api";
import {
  eventUrl,
  loadDepartments,
  loadDuplicates,
  loadEvent,
  loadTimeline,
} from "../../../components/events/event-api";
import { EventTimeline } from "../../../components/events/EventTimeline";
import { categoryRefLabel, deptKindLabel } from "../../../components/events/labels";
import { subscribeNotices } from "../../../components/events/live";
import { PhotoGallery } from "../../../components/events/PhotoUpload";
import { unitOptions } from "../../../components/events/unit-options";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { CENTRE_ROLES, STAFF_ROLES } from "../../../layout/menu";
import { useMe } from "../../../session/SessionProvider";
import { loadMapConfig, loadSubtree } from "../../map/map-api";
import { ConsultationPanel } from "./ConsultationPanel";
import { DuplicatesCard } from "./DuplicatesCard";
import { EventHeader } from "./EventHeader";
import { PartsCard } from "./PartsCard";
import { ReporterCard } from "./ReporterCard";
import { SupervisionCard } from "./SupervisionCard";

const PointMap = lazy(() =>
  import("../../../components/events/PointMap").then((m) => ({ default: m.PointMap })),
);

/**
 * `/events/:id`: one event: headline and next steps, description and photos, the units' parts,
 * the append-only timeline, the place on the map, the reporter (masked unless the server shows it),
 * consultations, supervision records and likely duplicates. Refreshes itself when a notice about it
 * arrives.
 */
export function EventPage() {
  const { id = "" } = useParams();
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const staff = me.roles.some((r) => STAFF_ROLES.includes(r));
  const centre = me.roles.some((r) => CENTRE_ROLES.includes(r));
  const event = useRemote(eventUrl(id), () => loadEvent(id));
  const version = event.data?.version ?? 0;
  const timeline = useRemote(event.data ? `${eventUrl(id, "/timeline")}:${version}` : null, () =>
    loadTimeline(id),
  );
  const mapConfig = useRemote(staff ? "map:config" : null, loadMapConfig);
  const areaCode = event.data?.area?.code ?? null;
  const outline = useRemote(staff && areaCode ? `map:subtree:${areaCode}` : null, () =>
    loadSubtree(areaCode as string).catch(() => null),
  );
  const departments = useRemote(event.data?.can.dispatch ? "departments" : null, loadDepartments);
  const duplicates = useRemote(event.data?.can.merge ? `duplicates:${id}:${version}` : null, () =>
    loadDuplicates(id),
  );
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const reload = event.reload;

  // a notice about this event (someone acted, the clock turned red) refreshes the page
  useEffect(() => subscribeNotices((n) => n.subjectId === id && reload()), [id, reload]);

  const units = useMemo(
    () => unitOptions(departments.data ?? [], (kind) => deptKindLabel(t, kind), event.data),
    [departments.data, t, event.data],
  );

  if (event.error && !event.data) {
    const missing = event.error instanceof ApiError && event.error.status === 404;
    return missing ? (
      <Result
        status="404"
        title={t("events.detail.notFound")}
        extra={<Link to="/events">{t("events.detail.backToList")}</Link>}
      />
    ) : (
      <ErrorAlert error={event.error} onRetry={event.reload} />
    );
  }
  const e = event.data;
  if (!e)
    return (
      <div style={{ display: "flex", justifyContent: "center", padding: 80 }}>
        <Spin size="large" />
      </div>
    );

  const openAction = (action: EventAction, part?: EventPart) => setTarget({ action, part: part ?? null });
  const { lat, lng, address } = e.location;
  const point = lat !== null && lng !== null ? { lat, lng } : null;
  const entries = timeline.data ?? [];

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: "100%" }}
      className="event-page"
      data-version={e.version}
    >
      <EventHeader event={e} categoryLabel={categoryRefLabel(e.category, lang)} onAction={openAction} />
      {event.error ? <ErrorAlert error={event.error} onRetry={event.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t("events.detail.description")}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{e.description}</Typography.Paragraph>
              <PhotoGallery ids={e.photos} />
              {e.result ? (
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  <Typography.Text strong>{t("events.field.result")}：</Typography.Text>
                  {e.result}
                </Typography.Paragraph>
              ) : null}
            </Card>
            {staff ? <PartsCard parts={e.parts} onAction={openAction} /> : null}
            <Card size="small" title={t("events.timeline.title")}>
              {timeline.error ? <ErrorAlert error={timeline.error} onRetry={timeline.reload} /> : null}
              <EventTimeline entries={entries} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t("events.field.location")}>
              {point && staff && mapConfig.data ? (
                <Suspense fallback={<Spin />}>
                  <PointMap
                    basemap={mapConfig.data.basemap}
                    areas={outline.data ?? null}
                    areaCode={areaCode}
                    point={point}
                    height={240}
                  />
                </Suspense>
              ) : null}
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: "area",
                    label: t("events.field.area"),
                    children: e.area?.name ?? t("events.detail.unassigned"),
                  },
                  { key: "address", label: t("events.field.address"), children: address ?? t("common.none") },
                  {
                    key: "point",
                    label: t("events.field.point"),
                    children: point ? `${point.lat.toFixed(6)}, ${point.lng.toFixed(6)}` : t("common.none"),
                  },
                ]}
              />
            </Card>
            <ReporterCard event={e} />
            {staff ? (
              <ConsultationPanel
                event={e}
                ids={consultationIds(entries)}
                mayConvene={centre && !e.closedAt}
                onChanged={reload}
              />
            ) : null}
            {staff ? (
              <SupervisionCard
                eventId={e.id}
                version={e.version}
                mayOpen={centre && !e.closedAt}
                onChanged={reload}
              />
            ) : null}
            {e.can.merge ? <DuplicatesCard event={e} mayMerge onMerged={reload} /> : null}
          </Space>
        </Col>
      </Row>
      <ActionModal
        event={e}
        target={target}
        unitOptions={units}
        mergeTargets={duplicates.data}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          reload();
        }}
        onStale={() => {
          setTarget(null);
          reload();
        }}
      />
    </Space>
  );
}
