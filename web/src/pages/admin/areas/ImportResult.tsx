import { Alert, Col, Row, Statistic } from "antd";
import type { ImportReport } from "../../../api/area-types";
import { ProblemTable } from "../../../components/areas/ProblemTable";
import { useT } from "../../../i18n/I18nProvider";

/** The report of an accepted import: counts, then the warnings kept with the areas. */
export function ImportResult({ report }: { report: ImportReport }) {
  const t = useT();
  return (
    <div>
      <Alert
        type={report.warnings.length > 0 ? "warning" : "success"}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          report.warnings.length > 0
            ? t("import.doneWarnings", { count: report.warnings.length })
            : t("import.done")
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t("import.featureCount")} value={report.features} />
        </Col>
        <Col span={6}>
          <Statistic title={t("import.created")} value={report.created} />
        </Col>
        <Col span={6}>
          <Statistic title={t("import.updated")} value={report.updated} />
        </Col>
        <Col span={6}>
          <Statistic title={t("import.unchanged")} value={report.unchanged} />
        </Col>
      </Row>
      {report.warnings.length > 0 ? (
        <ProblemTable
          problems={report.warnings}
          title={t("import.warnings", { count: report.warnings.length })}
        />
      ) : null}
    </div>
  );
}
