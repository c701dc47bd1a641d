import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../../api/client";
import type { TenancyView } from "../../../api/registry-types";
import { useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { PersonPicker } from "../shared/PersonPicker";
import { recordUrl } from "../shared/registry-api";

/** Records a tenant's stay in a house: a registered person and the dates. */
function AddTenancy({ houseId, onDone }: { houseId: string; onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ personId: string; startOn: Dayjs; endOn?: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: { personId: string; startOn: Dayjs; endOn?: Dayjs }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(recordUrl("houses", houseId, "/tenancies"), {
        personId: v.personId,
        startOn: v.startOn.format("YYYY-MM-DD"),
        ...(v.endOn ? { endOn: v.endOn.format("YYYY-MM-DD") } : {}),
      });
      message.success(t("registry.house.tenancyAdded"));
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t("registry.house.addTenancy")}
      </Button>
      <Modal
        open={open}
        title={t("registry.house.addTenancy")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("common.save")}
        confirmLoading={saving}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ startOn: dayjs() }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="personId"
            label={t("registry.house.tenant")}
            rules={[{ required: true, message: t("registry.member.personRule") }]}
          >
            <PersonPicker />
          </Form.Item>
          <Form.Item name="startOn" label={t("registry.house.startOn")} rules={[{ required: true }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="endOn" label={t("registry.house.endOn")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Ends a running stay on a day (not before it began). */
function EndTenancy({
  houseId,
  tenancy,
  onDone,
}: {
  houseId: string;
  tenancy: TenancyView;
  onDone: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState<Dayjs>(dayjs());
  const [saving, setSaving] = useState(false);
  if (tenancy.endOn) return null;

  const submit = async () => {
    setSaving(true);
    try {
      await api.post(recordUrl("houses", houseId, `/tenancies/${encodeURIComponent(tenancy.id)}/end`), {
        on: on.format("YYYY-MM-DD"),
      });
      message.success(t("registry.house.tenancyEnded"));
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(true)}>
        {t("registry.house.endTenancy")}
      </Button>
      <Modal
        open={open}
        title={t("registry.house.endTenancyTitle", { name: tenancy.person?.name ?? "" })}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t("common.save")}
        confirmLoading={saving}
        destroyOnHidden
      >
        <DatePicker
          value={on}
          onChange={(d) => d && setOn(d)}
          style={{ width: "100%" }}
          disabledDate={(d) => d.isBefore(dayjs(tenancy.startOn), "day")}
        />
      </Modal>
    </>
  );
}

/** Tenancy buttons of a house file. */
export const TenancyActions = { Add: AddTenancy, End: EndTenancy };
