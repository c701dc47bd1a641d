import { CarryOutOutlined, ShopOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Spin, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../../../api/client";
import type { PlaceFile, PlaceView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useMe } from "../../../session/SessionProvider";
import { codeText } from "../shared/codes";
import { ColourRatingCard } from "../shared/ColourRatingCard";
import { ColourTag } from "../shared/ColourTag";
import { FileSections } from "../shared/FileSections";
import { recordPath } from "../shared/links";
import { MaskedValue } from "../shared/MaskedValue";
import { recordUrl } from "../shared/registry-api";
import { ThingsCard } from "../shared/ThingsCard";
import { VisitDrawer } from "../shared/VisitDrawer";

const VISIT_ROLES = ["admin", "dispatcher", "grid_worker", "police", "mediator"];

/** A contact of a place (the responsible person or the safety manager) with the masked phone and its audited reveal. */
function Contact({
  place,
  whom,
  name,
  phone,
  personId,
}: {
  place: PlaceView;
  whom: "responsible" | "safety_manager";
  name: string | null;
  phone: string | null;
  personId?: string | null;
}) {
  const t = useT();
  if (!name && !phone) return <>{t("common.none")}</>;
  return (
    <Space size={4} wrap>
      {personId ? <Link to={recordPath("persons", personId)}>{name}</Link> : <span>{name}</span>}
      <MaskedValue
        masked={phone}
        canReveal={place.can.revealPhone}
        title={t("registry.reveal.titlePhone", { name: name ?? "" })}
        reveal={(reason) =>
          api
            .post<{ phone: string | null }>(recordUrl("places", place.id, "/reveal-phone"), { reason, whom })
            .then((r) => r.phone)
        }
      />
    </Space>
  );
}

/**
 * `/registry/places/:id`: a place's file (一企一档): type and credit code, the responsible person and
 * the safety manager (平安经理), its colour rating with history and changes, things with their next
 * inspection, visits and what else links to it.
 */
export function PlaceFilePage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { id = "" } = useParams();
  const url = recordUrl("places", id, "/file");
  const file = useRemote(url, () => api.get<PlaceFile>(url));
  const [visiting, setVisiting] = useState(false);

  if (file.error) return <ErrorAlert error={file.error} onRetry={file.reload} />;
  if (!file.data) return <Spin />;
  const { place, sections } = file.data;
  const canVisit = place.status === "active" && me.roles.some((r) => VISIT_ROLES.includes(r));

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to="/registry/places">{t("nav.places")}</Link> },
          { key: "file", title: place.name },
        ]}
      />
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <ShopOutlined />
            <span>{place.name}</span>
            <ColourTag colour={place.colour} />
            <Tag>{codeText("place-type", place.kind, lang)}</Tag>
          </Space>
        }
        extra={
          canVisit ? (
            <Button icon={<CarryOutOutlined />} onClick={() => setVisiting(true)}>
              {t("registry.visit.record")}
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
          <Descriptions.Item label={t("registry.place.creditCode")}>
            {place.creditCode ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.address")}>
            {place.address ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.building")}>
            {place.building?.name ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.place.responsible")}>
            <Contact
              place={place}
              whom="responsible"
              name={place.responsible.name}
              phone={place.responsible.phone}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.place.safetyManager")}>
            {place.safetyManager ? (
              <Contact
                place={place}
                whom="safety_manager"
                name={place.safetyManager.name}
                phone={place.safetyManager.phone}
                personId={place.safetyManager.personId}
              />
            ) : (
              <Tag color="warning">{t("registry.place.noManager")}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.place.employees")}>
            {place.employees ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.area")}>
            {place.area?.name ?? t("common.none")}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <ColourRatingCard place={place} onChanged={file.reload} />
        </Col>
        <Col xs={24} lg={14}>
          <ThingsCard by="placeId" id={place.id} />
        </Col>
      </Row>

      <FileSections sections={sections} exclude={["things", "ratings"]} />

      <VisitDrawer
        open={visiting}
        url="/api/visits"
        extraBody={{ subjectType: "place", subjectId: place.id }}
        subject={place.name}
        onClose={() => setVisiting(false)}
        onSaved={() => {
          setVisiting(false);
          file.reload();
        }}
      />
    </Space>
  );
}
