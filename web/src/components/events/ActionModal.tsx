import { App, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import { useState } from "react";
import type { EventAction, EventDetail, EventPart } from "../../api/event-types";
import { useT } from "../../i18n/I18nProvider";
import { ErrorAlert } from "../ErrorAlert";
import { useAction } from "../areas/use-action";
import { ACTION_FORMS, actionBody, type ActionField } from "./action-forms";
import { actOnEvent, isVersionConflict } from "./event-api";
import { actionLabel, handlingLevelLabel, partUnitName } from "./labels";
import { PhotoUpload } from "./PhotoUpload";
import { newIdempotencyKey } from "./sla";
import { UnitPicker, unitsBody, type UnitOption } from "./UnitPicker";

/** What an action acts on: the event as the user saw it, and for part actions the part. */
export interface ActionTarget {
  action: EventAction;
  part?: EventPart | null;
}

const ESCALATION_LEVELS = ["community", "street", "district"] as const;
const SATISFACTION = ["satisfied", "basic", "dissatisfied"] as const;

/**
 * The small form behind an action button. Sends the version the user saw and one idempotency key
 * per opening (a double click or a retry sends the same key). When someone else acted first (409),
 * it says so and asks the page to reload instead of overwriting their change.
 */
export function ActionModal({
  event,
  target,
  unitOptions,
  mergeTargets,
  onClose,
  onDone,
  onStale,
}: {
  event: Pick<EventDetail, "id" | "version" | "no">;
  target: ActionTarget | null;
  unitOptions?: UnitOption[];
  mergeTargets?: readonly { id: string; no: string; title: string }[];
  onClose: () => void;
  onDone: (updated: EventDetail, action: EventAction) => void;
  onStale: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Partial<Record<ActionField, unknown>>>();
  const submit = useAction();
  // one key per opening of the form: re-submitting after a network error is the same press
  const [key, setKey] = useState<{ for: ActionTarget | null; value: string }>({ for: null, value: "" });
  if (target && key.for !== target) setKey({ for: target, value: newIdempotencyKey() });

  const action = target?.action;
  const spec = action ? ACTION_FORMS[action] : null;
  const has = (f: ActionField) => spec?.fields.includes(f) ?? false;
  const required = (f: ActionField) => spec?.required.includes(f) ?? false;
  const rule = (f: ActionField) =>
    required(f) ? [{ required: true, message: t("events.form.required") }] : [];

  const run = async (values: Partial<Record<ActionField, unknown>>) => {
    if (!target || !action) return;
    const units = Array.isArray(values.units) ? unitsBody(values.units) : undefined;
    const body = actionBody(action, { ...values, units }, target.part?.id);
    const done = await submit.run(async () => {
      try {
        return await actOnEvent(event, action, body, key.value);
      } catch (e) {
        if (!isVersionConflict(e)) throw e;
        // someone else acted first: show the event as it is now rather than overwrite their change
        message.warning(t("events.conflict"));
        onStale();
        return null;
      }
    });
    if (done?.value) {
      message.success(t("events.action.done", { action: actionLabel(t, action) }));
      form.resetFields();
      onDone(done.value, action);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={
        action
          ? `${actionLabel(t, action)} · ${t("events.no", { no: event.no })}${target?.part ? ` · ${partUnitName(target.part)}` : ""}`
          : ""
      }
      okText={action ? actionLabel(t, action) : undefined}
      okButtonProps={{ danger: spec?.danger, id: "action-submit" }}
      confirmLoading={submit.busy}
      onOk={() => form.submit()}
      onCancel={() => {
        submit.reset();
        onClose();
      }}
      destroyOnHidden
      width={action === "dispatch" ? 760 : 520}
    >
      {submit.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={submit.error} />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void run(v)}
        initialValues={{ ok: true, units: [] }}
        requiredMark="optional"
      >
        {has("units") ? (
          <Form.Item
            name="units"
            label={t("events.field.units")}
            extra={t("events.dispatch.unitsHint")}
            rules={rule("units")}
          >
            <UnitPicker options={unitOptions ?? []} />
          </Form.Item>
        ) : null}
        {has("ok") ? (
          <Form.Item name="ok" label={t("events.field.ok")} rules={rule("ok")}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: t("events.verify.passed") },
                { value: false, label: t("events.verify.failed") },
              ]}
            />
          </Form.Item>
        ) : null}
        {has("satisfaction") ? (
          <Form.Item name="satisfaction" label={t("events.field.satisfaction")} rules={rule("satisfaction")}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTION.map((s) => ({ value: s, label: t(`events.satisfaction.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        {has("level") ? (
          <Form.Item
            name="level"
            label={t("events.field.level")}
            rules={[{ required: true, message: t("events.form.required") }]}
          >
            <Select
              options={ESCALATION_LEVELS.map((l) => ({ value: l, label: handlingLevelLabel(t, l) }))}
              placeholder={t("events.escalate.levelHint")}
            />
          </Form.Item>
        ) : null}
        {has("days") ? (
          <Form.Item name="days" label={t("events.field.days")} rules={rule("days")}>
            <InputNumber
              min={1}
              max={365}
              precision={0}
              style={{ width: 160 }}
              suffix={t("events.dur.workingDays")}
            />
          </Form.Item>
        ) : null}
        {has("intoId") ? (
          <Form.Item name="intoId" label={t("events.field.intoId")} rules={rule("intoId")}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t("events.merge.pick")}
              options={(mergeTargets ?? []).map((e) => ({
                value: e.id,
                label: `${t("events.no", { no: e.no })} · ${e.title}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {has("result") ? (
          <Form.Item name="result" label={t("events.field.result")} rules={rule("result")}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t("events.form.resultHint")} />
          </Form.Item>
        ) : null}
        {has("reason") ? (
          <Form.Item name="reason" label={t("events.field.reason")} rules={rule("reason")}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {has("comment") ? (
          <Form.Item name="comment" label={t("events.field.comment")} rules={rule("comment")}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {has("note") ? (
          <Form.Item name="note" label={t("events.field.note")} rules={rule("note")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
        {has("photos") ? (
          <Form.Item name="photos" label={t("events.field.photos")} rules={rule("photos")}>
            <PhotoUpload />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
