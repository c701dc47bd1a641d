import {
  Button,
  Card,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from "antd";
import { useMemo, useState } from "react";
import { useRemote } from "../../../api/use-remote";
import { loadCategories } from "../../../components/events/event-api";
import { categoryLabels, urgencyLabel, stageLabel } from "../../../components/events/labels";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { isMessageKey } from "../../../i18n/translate";
import { budgetText } from "./config-format";
import { BUDGET_KEYS, SLA_UNITS, type Budget, type BudgetKey, type SlaPolicy } from "./config-types";
import { SaveBar } from "./SaveBar";
import { useConfigDoc } from "./use-config-doc";

/**
 * Time limits (SLA): the default budget of each stage (accept, dispatch, handle, verify), the whole
 * matter and a second handling, in working days or hours or natural time; the policies layered on
 * top by category and urgency; the yellow-warning share and the extension limits.
 */
export function SlaTab() {
  const t = useT();
  const editor = useConfigDoc("sla");
  const { lang } = useLang();
  const categories = useRemote("event-categories", () => loadCategories());
  const labels = useMemo(() => categoryLabels(categories.data ?? [], lang), [categories.data, lang]);
  const doc = editor.draft;
  const [editing, setEditing] = useState<{ index: number; policy: SlaPolicy } | null>(null);
  const unitName = (u: string) =>
    isMessageKey(`events.config.unit.${u}`)
      ? t(`events.config.unit.${u}` as "events.config.unit.working_days")
      : u;
  const words = { unit: unitName };

  const setDefault = (key: BudgetKey, b: Budget | undefined) => {
    if (doc && b) editor.setDraft({ ...doc, default: { ...doc.default, [key]: b } });
  };

  const policyColumns: TableColumnsType<SlaPolicy> = [
    { title: t("events.config.ruleName"), key: "name", render: (_, p) => p.name ?? p.id },
    {
      title: t("events.field.category"),
      dataIndex: "category",
      width: 150,
      render: (c?: string) => (c ? (labels.get(c) ?? c) : t("events.config.any")),
    },
    {
      title: t("events.field.urgency"),
      dataIndex: "urgency",
      width: 130,
      render: (u?: string[]) =>
        u?.length ? u.map((x) => <Tag key={x}>{urgencyLabel(t, x)}</Tag>) : t("events.config.any"),
    },
    ...BUDGET_KEYS.map((k) => ({
      title: stageLabel(t, k),
      key: k,
      width: 110,
      render: (_: unknown, p: SlaPolicy) => budgetText(p.budgets[k], words),
    })),
    {
      key: "ops",
      width: 70,
      render: (_, p, index) => (
        <Button type="link" size="small" onClick={() => setEditing({ index, policy: p })}>
          {t("common.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <SaveBar kind="sla" editor={editor} />
      {doc ? (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Card size="small" title={t("events.config.slaGeneral")}>
            <Space wrap size={24}>
              <Space>
                {t("events.config.yellowFraction")}
                <InputNumber
                  min={0}
                  max={100}
                  value={Math.round(doc.yellowFraction * 100)}
                  suffix="%"
                  onChange={(v) => v !== null && editor.setDraft({ ...doc, yellowFraction: v / 100 })}
                />
              </Space>
              <Space>
                {t("events.config.maxExtensionDays")}
                <InputNumber
                  min={0}
                  max={365}
                  precision={0}
                  value={doc.maxExtensionDays}
                  onChange={(v) => v !== null && editor.setDraft({ ...doc, maxExtensionDays: v })}
                />
              </Space>
              <Space>
                {t("events.config.maxExtensions")}
                <InputNumber
                  min={0}
                  max={20}
                  precision={0}
                  value={doc.maxExtensions}
                  onChange={(v) => v !== null && editor.setDraft({ ...doc, maxExtensions: v })}
                />
              </Space>
            </Space>
          </Card>
          <Card size="small" title={t("events.config.slaDefault")}>
            <BudgetGrid budgets={doc.default} onChange={setDefault} unitName={unitName} />
          </Card>
          <Card size="small" title={t("events.config.slaPolicies")}>
            <Typography.Paragraph type="secondary">{t("events.config.slaPoliciesHint")}</Typography.Paragraph>
            <Table<SlaPolicy>
              rowKey="id"
              size="small"
              dataSource={doc.policies}
              columns={policyColumns}
              pagination={false}
              scroll={{ x: 1100 }}
            />
          </Card>
        </Space>
      ) : null}
      {editing && doc ? (
        <PolicyModal
          policy={editing.policy}
          unitName={unitName}
          onCancel={() => setEditing(null)}
          onSave={(p) => {
            const policies = [...doc.policies];
            policies[editing.index] = p;
            editor.setDraft({ ...doc, policies });
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}

/** Amount and unit for each budget; `optional` budgets may be left to the default. */
function BudgetGrid({
  budgets,
  onChange,
  unitName,
  optional = false,
}: {
  budgets: Partial<Record<BudgetKey, Budget>>;
  onChange: (key: BudgetKey, b: Budget | undefined) => void;
  unitName: (u: string) => string;
  optional?: boolean;
}) {
  const t = useT();
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))", gap: 12 }}>
      {BUDGET_KEYS.map((k) => {
        const b = budgets[k];
        return (
          <Space key={k}>
            <span style={{ width: 72, display: "inline-block" }}>{stageLabel(t, k)}</span>
            <InputNumber
              min={0}
              max={10000}
              step={1}
              style={{ width: 90 }}
              value={b?.amount}
              placeholder={optional ? t("events.config.inherit") : undefined}
              onChange={(v) =>
                v === null
                  ? optional && onChange(k, undefined)
                  : onChange(k, { ...(b ?? { unit: "working_days" }), amount: v })
              }
            />
            <Select
              style={{ width: 130 }}
              value={b?.unit}
              placeholder={optional ? t("events.config.inherit") : undefined}
              onChange={(u) => onChange(k, { ...(b ?? { amount: 1 }), unit: u })}
              options={SLA_UNITS.map((u) => ({ value: u, label: unitName(u) }))}
            />
          </Space>
        );
      })}
    </div>
  );
}

function PolicyModal({
  policy,
  unitName,
  onCancel,
  onSave,
}: {
  policy: SlaPolicy;
  unitName: (u: string) => string;
  onCancel: () => void;
  onSave: (p: SlaPolicy) => void;
}) {
  const t = useT();
  const [p, setP] = useState(policy);
  return (
    <Modal
      open
      title={p.name ?? p.id}
      onCancel={onCancel}
      onOk={() => onSave(p)}
      width={760}
      okText={t("events.config.applyRule")}
    >
      <Typography.Paragraph type="secondary">{t("events.config.policyHint")}</Typography.Paragraph>
      <BudgetGrid
        optional
        budgets={p.budgets}
        unitName={unitName}
        onChange={(k, b) => {
          const budgets = { ...p.budgets };
          if (b) budgets[k] = b;
          else delete budgets[k];
          setP({ ...p, budgets });
        }}
      />
    </Modal>
  );
}
