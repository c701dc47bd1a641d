import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { codeOptions } from "../shared/codes";
import { useIsPhone } from "../shared/use-phone";

/** What the new-person form holds. */
export interface NewPersonValues {
  name: string;
  docType: string;
  idNumber?: string;
  phone?: string;
  sex?: string;
  birthDate?: Dayjs;
  residentType: string;
  currentAddress?: string;
  occupation?: string;
  livesAlone: boolean;
  floating?: {
    reason?: string;
    origin?: string;
    permitType?: string;
    registeredOn?: Dayjs;
    permitExpiresOn?: Dayjs;
  };
}

const day = (d: Dayjs | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The POST /api/persons body for the form's values; empty fields are left out, places come from `where`. */
export function newPersonBody(
  v: NewPersonValues,
  where: { houseId?: string | null; areaCode?: string | null } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    docType: v.docType,
    idNumber: text(v.idNumber),
    phone: text(v.phone)?.replace(/[\s-]/g, ""),
    // a resident ID gives sex and birth date; other documents need them typed
    sex: v.docType === "resident_id" ? undefined : v.sex,
    birthDate: v.docType === "resident_id" ? undefined : day(v.birthDate),
    residentType: v.residentType,
    currentAddress: text(v.currentAddress),
    occupation: text(v.occupation),
    livesAlone: v.livesAlone,
    houseId: where.houseId ?? undefined,
    areaCode: where.houseId ? undefined : (where.areaCode ?? undefined),
  };
  if (v.residentType === "floating" && v.floating) {
    const f = {
      reason: text(v.floating.reason),
      origin: text(v.floating.origin),
      permitType: v.floating.permitType,
      registeredOn: day(v.floating.registeredOn),
      permitExpiresOn: day(v.floating.permitExpiresOn),
    };
    const kept = Object.fromEntries(Object.entries(f).filter(([, x]) => x !== undefined));
    if (Object.keys(kept).length) body.floating = kept;
  }
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined));
}

/** The fields of a new person, inside a Form: identity, contact, resident type and floating registration. */
export function PersonFields() {
  const t = useT();
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const docType = Form.useWatch<string>("docType");
  const residentType = Form.useWatch<string>("residentType");
  const half = isPhone ? 24 : 12;

  return (
    <Row gutter={12}>
      <Col span={half}>
        <Form.Item
          name="name"
          label={t("registry.field.name")}
          rules={[{ required: true, whitespace: true, message: t("registry.form.required") }, { max: 100 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="docType" label={t("registry.field.docType")}>
          <Select options={codeOptions("document-type", lang)} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="idNumber"
          label={t("registry.field.idNumber")}
          extra={docType === "resident_id" ? t("registry.form.idHint") : undefined}
          rules={[{ max: 60 }]}
        >
          <Input autoComplete="off" inputMode={docType === "resident_id" ? "numeric" : "text"} />
        </Form.Item>
      </Col>
      {docType !== "resident_id" ? (
        <>
          <Col span={half}>
            <Form.Item name="sex" label={t("registry.field.sex")}>
              <Select allowClear options={codeOptions("sex", lang, ["1", "2"])} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="birthDate" label={t("registry.field.birthDate")}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isPhone} />
            </Form.Item>
          </Col>
        </>
      ) : null}
      <Col span={half}>
        <Form.Item name="phone" label={t("registry.field.phone")} rules={[{ max: 30 }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="residentType" label={t("registry.field.residentType")}>
          <Select options={codeOptions("resident-type", lang)} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="currentAddress" label={t("registry.field.currentAddress")} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="occupation" label={t("registry.field.occupation")} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="livesAlone" label={t("registry.field.livesAlone")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {residentType === "floating" ? (
        <>
          <Col span={half}>
            <Form.Item name={["floating", "reason"]} label={t("registry.field.floatingReason")}>
              <AutoComplete
                options={codeOptions("migration-reason", lang).map((o) => ({ value: o.label }))}
                filterOption
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={["floating", "origin"]} label={t("registry.field.floatingOrigin")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={["floating", "permitType"]} label={t("registry.field.permitType")}>
              <Select allowClear options={codeOptions("permit-type", lang)} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={["floating", "registeredOn"]} label={t("registry.field.registeredOn")}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isPhone} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={["floating", "permitExpiresOn"]} label={t("registry.field.permitExpiresOn")}>
              <DatePicker style={{ width: "100%" }} inputReadOnly={isPhone} />
            </Form.Item>
          </Col>
        </>
      ) : null}
    </Row>
  );
}

/** The values a new-person form starts from. */
export const NEW_PERSON_INITIAL: Partial<NewPersonValues> = {
  docType: "resident_id",
  residentType: "registered",
  livesAlone: false,
};
