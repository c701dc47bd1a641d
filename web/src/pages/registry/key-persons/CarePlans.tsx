import { CheckCircleTwoTone, ClockCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../../api/client";
import type { CarePlan, CarePlanAction, KeyPersonView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";
import { codeOptions, codeText } from "../shared/codes";
import { dueState, todayInZone } from "../shared/dates";
import { recordUrl } from "../shared/registry-api";

const OUTCOME_COLOURS: Record<string, string> = { achieved: "green", partly: "gold", not_achieved: "red" };

type Dialog =
  | { kind: "plan" }
  | { kind: "action"; plan: CarePlan }
  | { kind: "done"; plan: CarePlan; action: CarePlanAction }
  | { kind: "close"; plan: CarePlan };

/** The form of whichever care-plan dialog is open, posting to its endpoint and answering the changed plan. */
function PlanDialog({
  keyPersonId,
  dialog,
  onClose,
  onSaved,
}: {
  keyPersonId: string;
  dialog: Dialog | null;
  onClose: () => void;
  onSaved: (plan: CarePlan) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const day = (d?: Dayjs) => (d ? d.format("YYYY-MM-DD") : undefined);

  const submit = async (v: Record<string, unknown>) => {
    if (!dialog) return;
    setSaving(true);
    setError(null);
    try {
      let plan: CarePlan;
      if (dialog.kind === "plan") {
        const first = String(v.firstAction ?? "").trim();
        plan = await api.post<CarePlan>(recordUrl("key-persons", keyPersonId, "/care-plans"), {
          kind: v.kind,
          goal: String(v.goal).trim(),
          startOn: day(v.startOn as Dayjs),
          ...(v.dueOn ? { dueOn: day(v.dueOn as Dayjs) } : {}),
          ...(first ? { actions: [{ description: first }] } : {}),
        });
      } else if (dialog.kind === "action") {
        plan = await api.post<CarePlan>(recordUrl("care-plans", dialog.plan.id, "/actions"), {
          description: String(v.description).trim(),
          ...(v.dueOn ? { dueOn: day(v.dueOn as Dayjs) } : {}),
        });
      } else if (dialog.kind === "done") {
        const result = String(v.result ?? "").trim();
        plan = await api.post<CarePlan>(
          recordUrl("care-plans", dialog.plan.id, `/actions/${encodeURIComponent(dialog.action.id)}/done`),
          { doneAt: (v.doneAt as Dayjs).toISOString(), ...(result ? { result } : {}) },
        );
      } else {
        const note = String(v.note ?? "").trim();
        plan = await api.post<CarePlan>(recordUrl("care-plans", dialog.plan.id, "/close"), {
          outcome: v.outcome,
          ...(note ? { note } : {}),
        });
      }
      message.success(t("common.saved"));
      onSaved(plan);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const titles: Record<Dialog["kind"], string> = {
    plan: t("registry.plan.new"),
    action: t("registry.plan.addAction"),
    done: t("registry.plan.markDone"),
    close: t("registry.plan.close"),
  };
  const required = { required: true, whitespace: true, message: t("registry.form.required") };

  return (
    <Modal
      open={dialog !== null}
      title={dialog ? titles[dialog.kind] : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(open) => !open && setError(null)}
    >
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: "employment", startOn: dayjs(), doneAt: dayjs(), outcome: "achieved" }}
        onFinish={(v) => void submit(v)}
      >
        {dialog?.kind === "plan" ? (
          <>
            <Form.Item name="kind" label={t("registry.plan.kind")} rules={[{ required: true }]}>
              <Select options={codeOptions("care-plan-kind", lang)} />
            </Form.Item>
            <Form.Item name="goal" label={t("registry.plan.goal")} rules={[required, { max: 500 }]}>
              <Input.TextArea
                rows={2}
                showCount
                maxLength={500}
                placeholder={t("registry.plan.goalPlaceholder")}
              />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item
                name="startOn"
                label={t("registry.plan.startOn")}
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="dueOn" label={t("registry.plan.dueOn")} style={{ flex: 1 }}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Flex>
            <Form.Item name="firstAction" label={t("registry.plan.firstAction")} rules={[{ max: 500 }]}>
              <Input placeholder={t("registry.plan.actionPlaceholder")} />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === "action" ? (
          <>
            <Form.Item name="description" label={t("registry.plan.action")} rules={[required, { max: 500 }]}>
              <Input.TextArea rows={2} placeholder={t("registry.plan.actionPlaceholder")} />
            </Form.Item>
            <Form.Item name="dueOn" label={t("registry.plan.dueOn")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === "done" ? (
          <>
            <Typography.Paragraph>{dialog.action.description}</Typography.Paragraph>
            <Form.Item name="doneAt" label={t("registry.plan.doneAt")} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
            <Form.Item name="result" label={t("registry.plan.result")} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {dialog?.kind === "close" ? (
          <>
            <Alert type="info" showIcon title={t("registry.plan.closeHint")} style={{ marginBottom: 12 }} />
            <Form.Item name="outcome" label={t("registry.plan.outcome")} rules={[{ required: true }]}>
              <Segmented block options={codeOptions("care-plan-outcome", lang)} />
            </Form.Item>
            <Form.Item name="note" label={t("registry.plan.outcomeNote")} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** One care plan: kind, goal, dates, outcome, its actions with their state, and the buttons the reader may use. */
function PlanCard({
  plan,
  can,
  onDialog,
}: {
  plan: CarePlan;
  can: KeyPersonView["can"];
  onDialog: (d: Dialog) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const today = todayInZone();
  const open = plan.status === "active";
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space size={6} wrap>
          <Tag color="blue">{codeText("care-plan-kind", plan.kind, lang)}</Tag>
          {open ? (
            <Tag color="processing">{t("registry.plan.active")}</Tag>
          ) : (
            <Tag color={OUTCOME_COLOURS[plan.outcome ?? ""]}>
              {codeText("care-plan-outcome", plan.outcome, lang) ?? t("registry.plan.closed")}
            </Tag>
          )}
        </Space>
      }
      extra={
        open && can.edit ? (
          <Button size="small" type="link" onClick={() => onDialog({ kind: "close", plan })}>
            {t("registry.plan.close")}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {plan.goal}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("registry.plan.span", { from: plan.startOn, to: plan.dueOn ?? "…" })}
        {plan.closedAt
          ? ` · ${t("registry.plan.closedAt", { at: formatDateTime(plan.closedAt).slice(0, 10) })}`
          : ""}
      </Typography.Text>
      {plan.outcomeNote ? (
        <Typography.Paragraph style={{ margin: "4px 0 0" }}>{plan.outcomeNote}</Typography.Paragraph>
      ) : null}
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={plan.actions}
        locale={{ emptyText: t("registry.plan.noActions") }}
        renderItem={(a) => {
          const late = !a.doneAt && dueState(a.dueOn, today) === "overdue";
          return (
            <List.Item
              key={a.id}
              style={{ paddingInline: 0 }}
              actions={
                !a.doneAt && open && can.addAction
                  ? [
                      <Button
                        key="done"
                        size="small"
                        type="link"
                        onClick={() => onDialog({ kind: "done", plan, action: a })}
                      >
                        {t("registry.plan.markDone")}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Space align="start" size={8}>
                {a.doneAt ? (
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                ) : (
                  <ClockCircleOutlined style={{ color: late ? "#cf1322" : "#999" }} />
                )}
                <div>
                  <div>{a.description}</div>
                  <Typography.Text type={late ? "danger" : "secondary"} style={{ fontSize: 12 }}>
                    {a.doneAt
                      ? t("registry.plan.doneOn", { at: formatDateTime(a.doneAt).slice(0, 16) })
                      : a.dueOn
                        ? t("registry.plan.dueBy", { date: a.dueOn })
                        : t("registry.plan.noDue")}
                  </Typography.Text>
                  {a.result ? <div style={{ fontSize: 13 }}>{a.result}</div> : null}
                </div>
              </Space>
            </List.Item>
          );
        }}
      />
      {open && can.addAction ? (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onDialog({ kind: "action", plan })}>
          {t("registry.plan.addAction")}
        </Button>
      ) : null}
    </Card>
  );
}

/**
 * A key person's care plans (帮扶计划): open ones first, each with its actions and outcome; editors
 * open plans, add and complete actions, and close a plan with its outcome (counted by the measures).
 */
export function CarePlans({ kp, onPlan }: { kp: KeyPersonView; onPlan: (plan: CarePlan) => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const plans = [...kp.carePlans].sort((a, b) =>
    a.status === b.status ? b.startOn.localeCompare(a.startOn) : a.status === "active" ? -1 : 1,
  );
  return (
    <Card
      size="small"
      title={t("registry.plan.title", { count: kp.carePlans.length })}
      extra={
        kp.can.addPlan ? (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: "plan" })}
          >
            {t("registry.plan.new")}
          </Button>
        ) : null
      }
    >
      {plans.length ? (
        <Flex vertical gap={8}>
          {plans.map((p) => (
            <PlanCard key={p.id} plan={p} can={kp.can} onDialog={setDialog} />
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.plan.none")} />
      )}
      <PlanDialog
        keyPersonId={kp.id}
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={(plan) => {
          setDialog(null);
          onPlan(plan);
        }}
      />
    </Card>
  );
}
