import { BankOutlined } from "@ant-design/icons";
import {
  Breadcrumb,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { Link, useParams } from "react-router";
import { api } from "../../../api/client";
import type {
  HouseFile,
  HouseView,
  OwnerPhoneAnswer,
  PersonRef,
  TenancyView,
} from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { codeText } from "../shared/codes";
import { FileSections } from "../shared/FileSections";
import { houseAddress } from "../shared/HouseSummaryCard";
import { recordPath } from "../shared/links";
import { MaskedValue } from "../shared/MaskedValue";
import { recordUrl } from "../shared/registry-api";
import { ThingsCard } from "../shared/ThingsCard";
import { GroupRentalSwitch } from "./GroupRentalSwitch";
import { TenancyActions } from "./TenancyActions";
import { TenureTags } from "./HousesPage";

/** The owner or landlord of a house: name (to their file), masked phone with the audited reveal of Story 1. */
function Keeper({
  house,
  whom,
  person,
}: {
  house: HouseView;
  whom: "owner" | "landlord";
  person: PersonRef | null;
}) {
  const t = useT();
  if (!person) return <>{t("common.none")}</>;
  return (
    <Space size={4} wrap>
      <Link to={recordPath("persons", person.id)}>{person.name}</Link>
      <MaskedValue
        masked={person.phoneMasked}
        canReveal={house.can.revealOwnerPhone}
        title={t("registry.reveal.titlePhone", { name: person.name })}
        reveal={(reason) =>
          api
            .post<OwnerPhoneAnswer>(recordUrl("houses", house.id, "/reveal-owner-phone"), {
              reason,
              whom,
            })
            .then((r) => r.phone)
        }
      />
    </Space>
  );
}

/**
 * `/registry/houses/:id`: a house's file (一房一档): where it is, owner and landlord (the owner's
 * phone reachable with a reason), who lives there, tenancies, its things and their inspections,
 * and what other modules link to it.
 */
export function HouseFilePage() {
  const t = useT();
  const { lang } = useLang();
  const { id = "" } = useParams();
  const url = recordUrl("houses", id, "/file");
  const file = useRemote(url, () => api.get<HouseFile>(url));

  if (file.error) return <ErrorAlert error={file.error} onRetry={file.reload} />;
  if (!file.data) return <Spin />;
  const { house, residents, tenancies, sections } = file.data;
  const reload = file.reload;

  const tenancyColumns = [
    {
      title: t("registry.house.tenant"),
      key: "person",
      render: (_: unknown, r: TenancyView) =>
        r.person ? <Link to={recordPath("persons", r.person.id)}>{r.person.name}</Link> : t("common.none"),
    },
    {
      title: t("registry.house.stay"),
      key: "stay",
      render: (_: unknown, r: TenancyView) => (
        <span>
          {r.startOn} ~ {r.endOn ?? t("registry.house.open")}
          {r.current ? (
            <Tag color="green" style={{ marginInlineStart: 6 }}>
              {t("registry.house.current")}
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...(house.can.edit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 90,
            render: (_: unknown, r: TenancyView) => (
              <TenancyActions.End houseId={house.id} tenancy={r} onDone={reload} />
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to="/registry/houses">{t("nav.houses")}</Link> },
          { key: "file", title: houseAddress(house) },
        ]}
      />
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <BankOutlined />
            <span>{houseAddress(house)}</span>
            <TenureTags house={house} />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
          <Descriptions.Item label={t("registry.house.building")}>
            {house.building?.name ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.use")}>
            {codeText("house-use", house.use, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.floorArea")}>
            {house.floorArea ? `${house.floorArea} ㎡` : t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.owner")}>
            <Keeper house={house} whom="owner" person={house.owner} />
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.landlord")}>
            <Keeper house={house} whom="landlord" person={house.landlord} />
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.area")}>
            {house.area?.name ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.groupRental")}>
            <GroupRentalSwitch house={house} onChanged={reload} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t("registry.house.residents", { count: residents.length })}
            style={{ height: "100%" }}
          >
            {residents.length ? (
              <List
                size="small"
                dataSource={residents}
                renderItem={(r) => (
                  <List.Item key={r.id} style={{ paddingInline: 0 }}>
                    <Space size={6} wrap>
                      <Link to={recordPath("persons", r.id)}>{r.name}</Link>
                      {r.residentType !== "registered" ? (
                        <Tag color="orange">{codeText("resident-type", r.residentType, lang)}</Tag>
                      ) : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.phoneMasked ?? ""}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.house.noResidents")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t("registry.house.tenancies", { count: tenancies.length })}
            extra={house.can.edit ? <TenancyActions.Add houseId={house.id} onDone={reload} /> : null}
            style={{ height: "100%" }}
          >
            <Table<TenancyView>
              rowKey="id"
              size="small"
              dataSource={tenancies}
              columns={tenancyColumns}
              pagination={false}
              locale={{ emptyText: t("registry.house.noTenancies") }}
            />
          </Card>
        </Col>
      </Row>

      <ThingsCard by="houseId" id={house.id} />
      <FileSections sections={sections} exclude={["things"]} />
    </Space>
  );
}
