import { BankOutlined } from "@ant-design/icons";
import { Card, Descriptions, Empty, Space, Tag } from "antd";
import { Link } from "react-router";
import type { HouseSummary } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { codeText } from "./codes";
import { recordPath } from "./links";

/** The full address of a house: address, unit and room. */
export function houseAddress(h: Pick<HouseSummary, "address" | "unit" | "room">): string {
  return [h.address, h.unit, h.room].filter(Boolean).join(" ");
}

/** The house a person or household lives in, in short, linking to the house file. */
export function HouseSummaryCard({ house }: { house: HouseSummary | null }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card
      size="small"
      title={
        <Space size={6}>
          <BankOutlined />
          {t("registry.house.titleShort")}
        </Space>
      }
      extra={house ? <Link to={recordPath("houses", house.id)}>{t("registry.house.open")}</Link> : null}
    >
      {house ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t("registry.field.address")}>{houseAddress(house)}</Descriptions.Item>
          <Descriptions.Item label={t("registry.field.use")}>
            {codeText("house-use", house.use, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.house.tenure")}>
            {house.isRented ? (
              <Tag color="orange">{t("registry.house.rented")}</Tag>
            ) : (
              <Tag>{t("registry.house.selfOccupied")}</Tag>
            )}
            {house.isGroupRental ? <Tag color="red">{t("registry.house.groupRental")}</Tag> : null}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.house.none")} />
      )}
    </Card>
  );
}
