import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from "antd";
import { useMemo, useState } from "react";
import { URGENCIES, type Urgency } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { CategoryCascader } from "../../../components/events/CategoryCascader";
import {
  categoryLabels,
  categoryPath,
  deptKindLabel,
  handlingLevelLabel,
  urgencyLabel,
} from "../../../components/events/labels";
import { loadCategories, loadDepartments } from "../../../components/events/event-api";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { unitText } from "./config-format";
import { LEVELS, type Level, type RouteUnit, type RoutingRule } from "./config-types";
import { SaveBar } from "./SaveBar";
import { useConfigDoc } from "./use-config-doc";

const TEAM_ROLES = ["grid_worker", "fire_station"] as const;

/**
 * Routing rules (分级分类): area subtree × category × urgency → handling level and units, with the
 * skip-level rules for urgent matters. Rules are edited one at a time in a form.
 */
export function RoutingTab() {
  const t = useT();
  const { lang } = useLang();
  const editor = useConfigDoc("routing");
  const categories = useRemote("event-categories", () => loadCategories());
  const departments = useRemote("departments", loadDepartments);
  const [editing, setEditing] = useState<{ index: number; rule: RoutingRule } | null>(null);
  const doc = editor.draft;
  const rules = doc?.rules ?? [];
  const labels = useMemo(() => categoryLabels(categories.data ?? [], lang), [categories.data, lang]);
  const deptName = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.code, d.name])),
    [departments.data],
  );
  const names = {
    kind: (k: string) => t("events.config.unitKind", { kind: deptKindLabel(t, k) }),
    teamRole: (r: string) =>
      r === "grid_worker"
        ? t("events.dispatch.gridWorker")
        : r === "fire_station"
          ? t("events.dispatch.fireStation")
          : r,
    police: t("events.dispatch.police"),
    department: (c: string) => deptName.get(c) ?? c,
  };

  const saveRule = (rule: RoutingRule) => {
    if (!doc || !editing) return;
    const next = [...rules];
    if (editing.index < 0) next.push(rule);
    else next[editing.index] = rule;
    editor.setDraft({ ...doc, rules: next });
    setEditing(null);
  };

  const columns: TableColumnsType<RoutingRule> = [
    { title: t("events.config.ruleName"), key: "name", render: (_, r) => r.name ?? r.id },
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
      render: (u?: Urgency[]) =>
        u?.length ? u.map((x) => <Tag key={x}>{urgencyLabel(t, x)}</Tag>) : t("events.config.any"),
    },
    {
      title: t("events.field.area"),
      dataIndex: "areaCode",
      width: 140,
      render: (a?: string) => a ?? t("events.config.everywhere"),
    },
    {
      title: t("events.field.handlingLevel"),
      dataIndex: "level",
      width: 90,
      render: (l: string) => handlingLevelLabel(t, l),
    },
    {
      title: t("events.field.units"),
      key: "units",
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.units.map((u, i) => (
            <Tag key={i} color={u.role === "lead" ? "blue" : undefined}>
              {unitText(u, names)}
              {u.role === "assist" ? ` · ${t("events.role.assist")}` : ""}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("events.config.autoDispatch"),
      dataIndex: "autoDispatch",
      width: 90,
      render: (v?: boolean) => (v ? <Tag color="volcano">{t("common.yes")}</Tag> : t("common.no")),
    },
    {
      key: "ops",
      width: 120,
      render: (_, r, index) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ index, rule: r })}>
            {t("common.edit")}
          </Button>
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("events.config.deleteRule")}
            onClick={() => doc && editor.setDraft({ ...doc, rules: rules.filter((_, i) => i !== index) })}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <SaveBar kind="routing" editor={editor} />
      <Card size="small" title={t("events.config.skipLevel")} style={{ marginBottom: 12 }}>
        <Space wrap>
          {URGENCIES.map((u) => (
            <Space key={u}>
              <span>{urgencyLabel(t, u)}</span>
              <Select<Level | "">
                size="small"
                style={{ width: 140 }}
                value={doc?.skipLevel[u] ?? ""}
                onChange={(v) => {
                  if (!doc) return;
                  const skip = { ...doc.skipLevel };
                  if (v) skip[u] = v;
                  else delete skip[u];
                  editor.setDraft({ ...doc, skipLevel: skip });
                }}
                options={[
                  { value: "", label: t("events.config.noSkip") },
                  ...LEVELS.map((l) => ({
                    value: l,
                    label: t("events.config.atLeast", { level: handlingLevelLabel(t, l) }),
                  })),
                ]}
              />
            </Space>
          ))}
        </Space>
      </Card>
      <Space style={{ marginBottom: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setEditing({
              index: -1,
              rule: { id: `rule-${Date.now().toString(36)}`, level: "community", units: [] },
            })
          }
        >
          {t("events.config.addRule")}
        </Button>
        <Typography.Text type="secondary">{t("events.config.routingHint")}</Typography.Text>
      </Space>
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        loading={editor.loading && !editor.doc}
        dataSource={rules}
        columns={columns}
        pagination={false}
        scroll={{ x: 1100 }}
      />
      {editing ? (
        <RuleModal
          rule={editing.rule}
          categories={categories.data}
          departments={departments.data ?? []}
          onCancel={() => setEditing(null)}
          onSave={saveRule}
        />
      ) : null}
    </>
  );
}

type UnitChoice = string; // "department:code" | "kind:fire" | "team:grid_worker" | "police"

const choiceOf = (u: RouteUnit): UnitChoice =>
  "department" in u
    ? `department:${u.department}`
    : "departmentKind" in u
      ? `kind:${u.departmentKind}`
      : "teamRole" in u
        ? `team:${u.teamRole}`
        : "police";

function unitOf(choice: UnitChoice, role: "lead" | "assist", required: boolean): RouteUnit {
  const [type, value = ""] = choice.split(":");
  const base =
    type === "department"
      ? { department: value }
      : type === "kind"
        ? { departmentKind: value }
        : type === "team"
          ? { teamRole: value }
          : { police: true as const };
  return { ...base, role, required } as RouteUnit;
}

interface RuleForm {
  name?: string;
  category?: string[];
  urgency?: Urgency[];
  areaCode?: string;
  level: Level;
  autoDispatch?: boolean;
  units: { choice?: UnitChoice; role: "lead" | "assist"; required: boolean }[];
}

/** One routing rule's form: where, what, how urgent → level, units (lead first), dispatch at once or not. */
function RuleModal({
  rule,
  categories,
  departments,
  onCancel,
  onSave,
}: {
  rule: RoutingRule;
  categories: Parameters<typeof categoryPath>[0] | undefined;
  departments: { code: string; name: string; kind: string }[];
  onCancel: () => void;
  onSave: (rule: RoutingRule) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RuleForm>();
  const kinds = [...new Set(departments.map((d) => d.kind))];
  const unitOptions = [
    ...TEAM_ROLES.map((r) => ({
      value: `team:${r}`,
      label: r === "grid_worker" ? t("events.dispatch.gridWorker") : t("events.dispatch.fireStation"),
    })),
    { value: "police", label: t("events.dispatch.police") },
    ...kinds.map((k) => ({
      value: `kind:${k}`,
      label: t("events.config.unitKind", { kind: deptKindLabel(t, k) }),
    })),
    ...departments.map((d) => ({ value: `department:${d.code}`, label: d.name })),
  ];
  const initial: RuleForm = {
    name: rule.name,
    category: rule.category ? (categoryPath(categories ?? [], rule.category) ?? [rule.category]) : undefined,
    urgency: rule.urgency,
    areaCode: rule.areaCode,
    level: rule.level,
    autoDispatch: rule.autoDispatch ?? false,
    units: rule.units.map((u) => ({
      choice: choiceOf(u),
      role: u.role ?? "lead",
      required: u.required ?? true,
    })),
  };
  const finish = (v: RuleForm) => {
    const next: RoutingRule = { id: rule.id, level: v.level, units: [] };
    if (v.name?.trim()) next.name = v.name.trim();
    const category = v.category?.[v.category.length - 1];
    if (category) next.category = category;
    if (v.urgency?.length) next.urgency = v.urgency;
    if (v.areaCode?.trim()) next.areaCode = v.areaCode.trim();
    if (v.autoDispatch) next.autoDispatch = true;
    next.units = (v.units ?? []).filter((u) => u.choice).map((u) => unitOf(u.choice!, u.role, u.required));
    onSave(next);
  };
  return (
    <Modal
      open
      title={rule.name ?? rule.id}
      onCancel={onCancel}
      onOk={() => form.submit()}
      width={720}
      okText={t("events.config.applyRule")}
    >
      <Form<RuleForm> form={form} layout="vertical" initialValues={initial} onFinish={finish}>
        <Form.Item name="name" label={t("events.config.ruleName")}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap style={{ width: "100%" }} align="start">
          <Form.Item name="category" label={t("events.field.category")} style={{ width: 280 }}>
            <CategoryCascader tree={categories} changeOnSelect placeholder={t("events.config.any")} />
          </Form.Item>
          <Form.Item name="urgency" label={t("events.field.urgency")} style={{ width: 240 }}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t("events.config.any")}
              options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
            />
          </Form.Item>
          <Form.Item name="areaCode" label={t("events.config.areaCode")} style={{ width: 160 }}>
            <Input placeholder={t("events.config.everywhere")} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="level"
            label={t("events.field.handlingLevel")}
            style={{ width: 160 }}
            rules={[{ required: true }]}
          >
            <Select options={LEVELS.map((l) => ({ value: l, label: handlingLevelLabel(t, l) }))} />
          </Form.Item>
          <Form.Item name="autoDispatch" label={t("events.config.autoDispatch")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <Form.Item label={t("events.field.units")} extra={t("events.config.unitsHint")}>
              <Space orientation="vertical" style={{ width: "100%" }}>
                {fields.map((f) => (
                  <Space key={f.key} wrap>
                    <Form.Item
                      name={[f.name, "choice"]}
                      noStyle
                      rules={[{ required: true, message: t("events.form.required") }]}
                    >
                      <Select
                        style={{ width: 260 }}
                        showSearch
                        optionFilterProp="label"
                        options={unitOptions}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, "role"]} noStyle>
                      <Select
                        style={{ width: 100 }}
                        options={[
                          { value: "lead", label: t("events.role.lead") },
                          { value: "assist", label: t("events.role.assist") },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, "required"]} noStyle valuePropName="checked">
                      <Switch
                        checkedChildren={t("events.dispatch.required")}
                        unCheckedChildren={t("events.parts.optional")}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t("events.dispatch.remove")}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: fields.length ? "assist" : "lead", required: true })}
                >
                  {t("events.config.addUnit")}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
