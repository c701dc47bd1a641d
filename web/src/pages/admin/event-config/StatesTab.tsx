import { Card, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { actionLabel, pickName, stageLabel, stateLabel } from "../../../components/events/labels";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { roleLabel } from "../../../i18n/translate";
import type { StateDef, TransitionDef } from "./config-types";
import { SaveBar } from "./SaveBar";
import { useConfigDoc } from "./use-config-doc";

const RELATIONS = new Set(["reporter", "part_unit", "assignee"]);

/**
 * The state machine as data, read-only here: each state (its stage clock, paused or closing) and
 * each transition (from, to, who may take it, what it needs, what it does to the clock, outcomes).
 */
export function StatesTab() {
  const t = useT();
  const { lang } = useLang();
  const editor = useConfigDoc("states");
  const doc = editor.doc?.body;
  const who = (r: string) =>
    RELATIONS.has(r)
      ? t(`events.config.relation.${r}` as "events.config.relation.reporter")
      : roleLabel(t, r);
  const stateName = (code: string) => {
    const s = doc?.states.find((x) => x.code === code);
    return s
      ? pickName(s.name, lang)
      : code === "@previous"
        ? t("events.config.previousState")
        : stateLabel(t, code);
  };

  const stateColumns: TableColumnsType<StateDef> = [
    {
      title: t("events.config.code"),
      dataIndex: "code",
      width: 120,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    {
      title: t("events.config.stateName"),
      key: "name",
      width: 120,
      render: (_, s) => pickName(s.name, lang),
    },
    {
      title: t("events.config.publicName"),
      key: "public",
      width: 140,
      render: (_, s) => (s.publicName ? pickName(s.publicName, lang) : t("common.none")),
    },
    {
      title: t("events.config.stage"),
      dataIndex: "stage",
      width: 100,
      render: (st: string | null) => (st ? stageLabel(t, st) : t("common.none")),
    },
    {
      title: t("events.config.flags"),
      key: "flags",
      render: (_, s) => (
        <Space size={4}>
          {s.code === doc?.initial ? <Tag color="blue">{t("events.config.initial")}</Tag> : null}
          {s.paused ? <Tag>{t("events.config.paused")}</Tag> : null}
          {s.closes ? <Tag color="green">{t("events.config.closes")}</Tag> : null}
          {s.final ? <Tag color="default">{t("events.config.final")}</Tag> : null}
        </Space>
      ),
    },
  ];
  const transitionColumns: TableColumnsType<TransitionDef> = [
    {
      title: t("events.config.action"),
      dataIndex: "action",
      width: 130,
      render: (a: string) => actionLabel(t, a),
    },
    {
      title: t("events.config.from"),
      dataIndex: "from",
      render: (from: string[]) => (
        <Space size={[4, 4]} wrap>
          {from.map((f) => (
            <Tag key={f}>{f === "*" ? t("events.config.anyState") : stateName(f)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("events.config.to"),
      key: "to",
      width: 160,
      render: (_, tr) => (
        <Space orientation="vertical" size={0}>
          <span>{tr.to === null ? t("events.config.stays") : stateName(tr.to)}</span>
          {Object.entries(tr.outcomes ?? {}).map(([k, o]) => (
            <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
              {k} → {stateName(o.to)}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: t("events.config.who"),
      dataIndex: "roles",
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={RELATIONS.has(r) ? "purple" : undefined}>
              {who(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("events.config.requires"),
      dataIndex: "requires",
      width: 150,
      render: (req: string[]) =>
        req.length
          ? req.map((r) => (
              <Typography.Text key={r} code>
                {r}
              </Typography.Text>
            ))
          : t("common.none"),
    },
    {
      title: t("events.config.clock"),
      dataIndex: "clock",
      width: 100,
      render: (c?: string) => t(`events.config.clock.${c ?? "auto"}` as "events.config.clock.auto"),
    },
  ];

  return (
    <>
      <SaveBar kind="states" editor={editor} readOnly />
      <Typography.Paragraph type="secondary">
        {t("events.config.statesHint", { returns: doc?.maxReturns ?? 0 })}
      </Typography.Paragraph>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Card size="small" title={t("events.config.states")}>
          <Table<StateDef>
            rowKey="code"
            size="small"
            dataSource={doc?.states ?? []}
            columns={stateColumns}
            pagination={false}
            scroll={{ x: 760 }}
          />
        </Card>
        <Card size="small" title={t("events.config.transitions")}>
          <Table<TransitionDef>
            rowKey="action"
            size="small"
            dataSource={doc?.transitions ?? []}
            columns={transitionColumns}
            pagination={false}
            scroll={{ x: 1100 }}
          />
        </Card>
      </Space>
    </>
  );
}
