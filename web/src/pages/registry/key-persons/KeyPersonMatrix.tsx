import "../registry.css";
import { Table, Typography, type TableColumnsType } from "antd";
import type { KeyPersonCount } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { categoryText, codeText } from "../shared/codes";
import { buildMatrix, heat, heatTextIsLight, type MatrixRow } from "./matrix";

/**
 * Key persons by category (rows) × attention level (columns) as a heat map; a cell's click filters
 * the list below to that category and level.
 */
export function KeyPersonMatrix({
  counts,
  selected,
  onSelect,
}: {
  counts: readonly KeyPersonCount[];
  selected?: { category?: string; attentionLevel?: string };
  onSelect: (cell: { category?: string; attentionLevel?: string }) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const m = buildMatrix(counts);
  // "00 无" is rarely used for people under care: its column shows only when someone is at it
  const levels = m.levels.filter((l) => l !== "00" || (m.levelTotals[l] ?? 0) > 0);

  const cell = (category: string | undefined, level: string | undefined, n: number, strong = false) => {
    const active = selected?.category === category && selected?.attentionLevel === level;
    const bg = category && level ? heat(n, m.max) : undefined;
    const light = category && level ? heatTextIsLight(n, m.max) : false;
    return (
      <button
        type="button"
        onClick={() => onSelect(active ? {} : { category, attentionLevel: level })}
        aria-pressed={active}
        className="kp-matrix-cell"
        style={{
          background: bg,
          color: light ? "#fff" : undefined,
          outline: active ? "2px solid #1677ff" : undefined,
          fontWeight: strong ? 600 : undefined,
        }}
      >
        {n}
      </button>
    );
  };

  const columns: TableColumnsType<MatrixRow & { key: string }> = [
    {
      title: t("registry.kp.category"),
      key: "category",
      fixed: "left",
      width: 100,
      render: (_, r) => (
        <Typography.Text style={{ whiteSpace: "nowrap" }}>{categoryText(r.category, lang)}</Typography.Text>
      ),
    },
    ...levels.map((level) => ({
      title: codeText("attention-level", level, lang),
      key: level,
      align: "center" as const,
      width: 56,
      onCell: () => ({ style: { padding: 2 } }),
      render: (_: unknown, r: MatrixRow) => cell(r.category, level, r.cells[level] ?? 0),
    })),
    {
      title: t("registry.kp.total"),
      key: "total",
      align: "center",
      width: 56,
      onCell: () => ({ style: { padding: 2 } }),
      render: (_, r) => cell(r.category, undefined, r.total, true),
    },
  ];

  return (
    <Table<MatrixRow & { key: string }>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      columns={columns}
      dataSource={m.rows.map((r) => ({ ...r, key: r.category }))}
      scroll={{ x: 100 + 56 * (levels.length + 1) }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t("registry.kp.total")}</Typography.Text>
          </Table.Summary.Cell>
          {levels.map((level, i) => (
            <Table.Summary.Cell key={level} index={i + 1} align="center">
              {cell(undefined, level, m.levelTotals[level] ?? 0, true)}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={levels.length + 1} align="center">
            <Typography.Text strong>{m.total}</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
