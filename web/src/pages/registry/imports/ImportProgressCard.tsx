import {
  Alert,
  Card,
  Descriptions,
  Progress,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
  Row,
  Col,
} from "antd";
import { useEffect, useEffectEvent } from "react";
import type { ImportProblem } from "../../../api/registry-types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { formatDateTime } from "../../../lib/time";
import { DownloadButton } from "../shared/DownloadButton";
import { recordUrl } from "../shared/registry-api";
import { ImportStatusTag, kindLabel } from "./ImportStatusTag";
import { badRowCount, importProgress, isImportActive, problemText, sortProblems } from "./progress";
import { useImport } from "./use-import";

/**
 * One import followed live: a progress bar of rows processed while it validates and loads, the
 * counts when done, and when refused every bad row (row number, column, message in the UI
 * language) with the errors file to download, fix and upload again.
 */
export function ImportProgressCard({ id, onFinished }: { id: string; onFinished?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const imp = useImport(id);
  const d = imp.data;
  const status = d?.status;
  const finished = useEffectEvent(() => onFinished?.());
  useEffect(() => {
    if (status && !isImportActive(status)) finished();
  }, [status]);

  if (imp.error && !d) return <ErrorAlert error={imp.error} onRetry={imp.reload} />;
  if (!d)
    return (
      <Card size="small">
        <Spin />
      </Card>
    );
  const progress = importProgress(d);
  const problems = sortProblems(d.errors);

  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>{d.fileName ?? t("registry.import.unnamed")}</span>
          <ImportStatusTag status={d.status} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{kindLabel(t, d.kind)}</Typography.Text>}
    >
      {d.status === "invalid" ? null : (
        <>
          {progress.percent === null ? (
            // rows not counted yet: a moving bar, no number
            <Progress percent={100} status="active" showInfo={false} strokeColor="#91caff" />
          ) : (
            <Progress percent={progress.percent} status={progress.status} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {progress.percent === null
              ? t("registry.import.reading")
              : d.status === "validating"
                ? t("registry.import.validatingRows", {
                    processed: progress.processed,
                    total: progress.total,
                  })
                : t("registry.import.processedRows", {
                    processed: progress.processed,
                    total: progress.total,
                  })}
          </Typography.Text>
        </>
      )}

      {d.status === "done" ? (
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={8}>
            <Statistic title={t("registry.import.created")} value={d.counts.created} />
          </Col>
          <Col span={8}>
            <Statistic title={t("registry.import.updated")} value={d.counts.updated} />
          </Col>
          <Col span={8}>
            <Statistic title={t("registry.import.unchanged")} value={d.counts.unchanged} />
          </Col>
        </Row>
      ) : null}

      {d.status === "failed" ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t("registry.import.failed")}
          description={d.failure ?? undefined}
        />
      ) : null}

      {d.ignoredColumns.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t("registry.import.ignoredColumns", { columns: d.ignoredColumns.join("、") })}
        />
      ) : null}

      {d.status === "invalid" ? (
        <>
          <Alert
            type="error"
            showIcon
            title={t("registry.import.invalid", {
              total: d.totalRows,
              rows: badRowCount(d.errors),
              problems: d.problemCount,
            })}
            description={t("registry.import.invalidHint")}
            action={
              d.can.downloadErrors ? (
                <DownloadButton
                  size="small"
                  url={recordUrl("registry/imports", d.id, "/errors.xlsx")}
                  fileName="errors.xlsx"
                >
                  {t("registry.import.downloadErrors")}
                </DownloadButton>
              ) : undefined
            }
          />
          <Table<ImportProblem>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(p) => `${p.row}:${p.field}:${p.code}`}
            dataSource={problems}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 600 }}
            columns={[
              { title: t("registry.import.row"), dataIndex: "row", width: 70, align: "right" },
              {
                title: t("registry.import.column"),
                key: "column",
                width: 150,
                render: (_, p) => p.column ?? p.field,
              },
              { title: t("registry.import.problem"), key: "message", render: (_, p) => problemText(p, lang) },
            ]}
          />
          {d.errorsTruncated ? (
            <Typography.Text type="secondary">
              {t("registry.import.truncated", { count: d.problemCount })}
            </Typography.Text>
          ) : null}
        </>
      ) : null}

      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t("registry.import.area")}>
          {d.area?.name ?? t("registry.import.areaFromRows")}
        </Descriptions.Item>
        <Descriptions.Item label={t("registry.import.startedAt")}>
          {formatDateTime(d.createdAt)}
          {d.createdBy ? ` · ${d.createdBy.name}` : ""}
        </Descriptions.Item>
        {d.finishedAt ? (
          <Descriptions.Item label={t("registry.import.finishedAt")}>
            {formatDateTime(d.finishedAt)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
