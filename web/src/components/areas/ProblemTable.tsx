import { Table, Typography, type TableColumnsType } from "antd";
import type { Problem } from "../../api/area-types";
import { useLang, useT } from "../../i18n/I18nProvider";
import { problemRows, type ProblemRow } from "./problems";

/** The problems of a GeoJSON file: feature, code, message and position, in the current language. */
export function ProblemTable({ problems, title }: { problems: readonly Problem[]; title?: string }) {
  const t = useT();
  const { lang } = useLang();
  const columns: TableColumnsType<ProblemRow> = [
    {
      title: t("problems.feature"),
      dataIndex: "feature",
      width: 90,
      render: (f: string) => f || t("problems.wholeFile"),
    },
    {
      title: t("problems.code"),
      dataIndex: "code",
      width: 140,
      render: (c: string) => c || t("common.none"),
    },
    { title: t("problems.message"), dataIndex: "message" },
    {
      title: t("problems.position"),
      dataIndex: "position",
      width: 200,
      render: (p: string) => (p ? <Typography.Text copyable>{p}</Typography.Text> : t("common.none")),
    },
  ];
  return (
    <Table<ProblemRow>
      size="small"
      rowKey="key"
      title={title ? () => title : undefined}
      columns={columns}
      dataSource={problemRows(problems, lang)}
      pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
    />
  );
}
