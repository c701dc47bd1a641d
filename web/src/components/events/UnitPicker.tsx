import { DeleteOutlined } from "@ant-design/icons";
import { Button, Checkbox, Empty, Radio, Select, Space, Table, Tag } from "antd";
import { useT } from "../../i18n/I18nProvider";

/** A unit the dispatcher may send an event to; `ref` is what the dispatch body names it by. */
export interface UnitOption {
  value: string;
  label: string;
  group: "department" | "team";
  ref: Record<string, unknown>;
  /** e.g. the department kind, shown beside the name. */
  hint?: string;
}

/** One unit of a joint dispatch: lead (主办) or assisting (协办), required for the event to move on or not. */
export interface PickedUnit {
  value: string;
  label: string;
  ref: UnitOption["ref"];
  role: "lead" | "assist";
  required: boolean;
}

/** The `units` of a dispatch body. */
export function unitsBody(units: readonly PickedUnit[]): Record<string, unknown>[] {
  return units.map((u) => ({ ...u.ref, role: u.role, required: u.required }));
}

/** Adds a unit: the first becomes the lead, later ones assist; a unit already picked is not added twice. */
export function addUnit(units: readonly PickedUnit[], option: UnitOption): PickedUnit[] {
  if (units.some((u) => u.value === option.value)) return [...units];
  const lead = units.length === 0;
  return [
    ...units,
    {
      value: option.value,
      label: option.label,
      ref: option.ref,
      role: lead ? "lead" : "assist",
      required: true,
    },
  ];
}

/**
 * Picks the units of a (joint) dispatch: departments and the grid's team, several at once, each lead
 * or assisting and required or not. Nothing picked means the routing rules choose.
 */
export function UnitPicker({
  options,
  value,
  onChange,
  id,
}: {
  options: readonly UnitOption[];
  value?: PickedUnit[];
  onChange?: (units: PickedUnit[]) => void;
  id?: string;
}) {
  const t = useT();
  const units = value ?? [];
  const set = (next: PickedUnit[]) => onChange?.(next);
  const update = (v: string, patch: Partial<PickedUnit>) =>
    set(units.map((u) => (u.value === v ? { ...u, ...patch } : u)));
  const groups = (["department", "team"] as const)
    .map((g) => ({
      label: t(`events.dispatch.group.${g}`),
      options: options
        .filter((o) => o.group === g)
        .map((o) => ({
          value: o.value,
          label: o.hint ? `${o.label}（${o.hint}）` : o.label,
          disabled: units.some((u) => u.value === o.value),
        })),
    }))
    .filter((g) => g.options.length > 0);

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Select
        id={id}
        showSearch
        value={null}
        placeholder={t("events.dispatch.addUnit")}
        optionFilterProp="label"
        options={groups}
        onChange={(v: string) => {
          const option = options.find((o) => o.value === v);
          if (option) set(addUnit(units, option));
        }}
        style={{ width: "100%" }}
        data-testid="unit-select"
      />
      {units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.dispatch.byRules")} />
      ) : (
        <Table<PickedUnit>
          size="small"
          rowKey="value"
          pagination={false}
          dataSource={units}
          columns={[
            {
              title: t("events.dispatch.unit"),
              dataIndex: "label",
              render: (label: string, u) => (
                <Space size={4}>
                  {label}
                  {u.role === "lead" ? <Tag color="blue">{t("events.role.lead")}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t("events.dispatch.role"),
              key: "role",
              width: 170,
              render: (_, u) => (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={u.role}
                  onChange={(e) => update(u.value, { role: e.target.value as PickedUnit["role"] })}
                  options={[
                    { value: "lead", label: t("events.role.lead") },
                    { value: "assist", label: t("events.role.assist") },
                  ]}
                />
              ),
            },
            {
              title: t("events.dispatch.required"),
              key: "required",
              width: 90,
              render: (_, u) => (
                <Checkbox
                  checked={u.required}
                  onChange={(e) => update(u.value, { required: e.target.checked })}
                />
              ),
            },
            {
              key: "remove",
              width: 48,
              render: (_, u) => (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t("events.dispatch.remove")}
                  onClick={() => set(units.filter((x) => x.value !== u.value))}
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
