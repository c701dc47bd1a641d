import { DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from "antd";
import { useState } from "react";
import { api, queryString } from "../../../api/client";
import type { ImportKind, ImportList, ImportSummary } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { formatDateTime } from "../../../lib/time";
import { AGE_BANDS, personQuery, type AgeBand, type PersonFilters } from "../persons/filters";
import { AreaFilter } from "../shared/AreaFilter";
import { codeOptions } from "../shared/codes";
import { DownloadButton } from "../shared/DownloadButton";
import { postForm } from "../shared/registry-api";
import { useIsPhone } from "../shared/use-phone";
import { ImportProgressCard } from "./ImportProgressCard";
import { ImportStatusTag, kindLabel } from "./ImportStatusTag";
import { isImportActive } from "./progress";

const KINDS: readonly ImportKind[] = ["persons", "houses", "places"];
const LIST_URL = `/api/registry/imports${queryString({ limit: 20 })}`;

/** Template downloads: every kind as xlsx (with a 说明 sheet of rules and codes) or CSV. */
function TemplatesCard() {
  const t = useT();
  return (
    <Card size="small" title={t("registry.import.templates")} style={{ height: "100%" }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("registry.import.templatesHint")}
      </Typography.Paragraph>
      <Flex vertical gap={8}>
        {KINDS.map((kind) => (
          <Flex key={kind} align="center" justify="space-between" gap={8} wrap>
            <Space>
              <FileExcelOutlined style={{ color: "#217346" }} />
              {kindLabel(t, kind)}
            </Space>
            <Space size={4}>
              <Button size="small" icon={<DownloadOutlined />} href={`/api/registry/templates/${kind}.xlsx`}>
                Excel
              </Button>
              <Button size="small" href={`/api/registry/templates/${kind}.csv`}>
                CSV
              </Button>
            </Space>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** The export of persons with the filters chosen here; the server watermarks the file and audits it. */
function ExportCard() {
  const t = useT();
  const { lang } = useLang();
  const [f, setF] = useState<PersonFilters>({});
  const href = `/api/registry/exports/persons.xlsx${queryString(personQuery(f))}`;
  return (
    <Card size="small" title={t("registry.export.title")}>
      <Flex gap={8} wrap>
        <AreaFilter
          value={f.areaCode}
          onChange={(areaCode) => setF((x) => ({ ...x, areaCode }))}
          style={{ flex: "1 1 200px" }}
        />
        <Select
          allowClear
          placeholder={t("registry.field.residentType")}
          value={f.residentType}
          onChange={(residentType) => setF((x) => ({ ...x, residentType }))}
          options={codeOptions("resident-type", lang)}
          style={{ flex: "0 1 150px" }}
        />
        <Select
          allowClear
          placeholder={t("registry.person.ageBand")}
          value={f.age}
          onChange={(age?: AgeBand) => setF((x) => ({ ...x, age }))}
          options={(Object.keys(AGE_BANDS) as AgeBand[]).map((b) => ({
            value: b,
            label: t(`registry.person.ageBand.${b}`),
          }))}
          style={{ flex: "0 1 150px" }}
        />
        <Select
          allowClear
          placeholder={t("registry.field.livesAlone")}
          value={f.livesAlone === undefined ? undefined : String(f.livesAlone)}
          onChange={(v?: string) =>
            setF((x) => ({ ...x, livesAlone: v === undefined ? undefined : v === "true" }))
          }
          options={[
            { value: "true", label: t("registry.person.livesAlone") },
            { value: "false", label: t("registry.person.notAlone") },
          ]}
          style={{ flex: "0 1 130px" }}
        />
        <DownloadButton type="primary" url={href} fileName="persons.xlsx">
          {t("registry.export.persons")}
        </DownloadButton>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        {t("registry.export.hint")}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * `/registry/imports`: download templates, upload an Excel or CSV file of persons, houses or places
 * (validated whole first: a file with any bad row imports nothing), follow its progress live, see
 * every bad row, and export persons with filters.
 */
export function ImportsPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>("persons");
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [reused, setReused] = useState(false);
  const list = useRemote(LIST_URL, () => api.get<ImportList>(LIST_URL));
  // coming back to the page while an import runs: follow it again
  const running = list.data?.items.find((i) => isImportActive(i.status))?.id ?? null;
  const [followed, setFollowed] = useState(false);
  if (running && current === null && !followed) {
    setFollowed(true);
    setCurrent(running);
  }

  const upload = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const form = new FormData();
      form.append("kind", kind);
      if (areaCode) form.append("areaCode", areaCode);
      form.append("file", file, file.name);
      const answer = await postForm<ImportSummary>("/api/registry/imports", form);
      setReused(answer.status === 200);
      setCurrent(answer.body.id);
      setFiles([]);
      message.success(answer.status === 200 ? t("registry.import.sameFile") : t("registry.import.started"));
      list.reload();
    } catch (e) {
      setUploadError(e);
      message.error(errorText(e));
    } finally {
      setUploading(false);
    }
  };

  const isPhone = useIsPhone();
  const allColumns: TableColumnsType<ImportSummary> = [
    {
      title: t("registry.import.startedAt"),
      dataIndex: "createdAt",
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("registry.import.kindTitle"),
      dataIndex: "kind",
      width: 80,
      render: (k: string) => kindLabel(t, k),
    },
    {
      title: t("registry.import.file"),
      dataIndex: "fileName",
      ellipsis: true,
      render: (n: string | null) => n ?? t("registry.import.unnamed"),
    },
    {
      title: t("registry.import.statusTitle"),
      dataIndex: "status",
      width: 100,
      render: (s: string) => <ImportStatusTag status={s} />,
    },
    {
      title: t("registry.import.rows"),
      key: "rows",
      width: 120,
      align: "right",
      render: (_, r) => `${r.processedRows}/${r.totalRows}`,
    },
    {
      title: t("registry.import.result"),
      key: "result",
      width: 200,
      render: (_, r) =>
        r.status === "invalid"
          ? t("registry.import.problemCount", { count: r.problemCount })
          : r.status === "done"
            ? t("registry.import.countsShort", r.counts)
            : r.status === "loading" && r.totalRows
              ? `${Math.floor((r.processedRows / r.totalRows) * 100)}%`
              : "",
    },
    {
      title: t("registry.import.by"),
      key: "by",
      width: 140,
      render: (_, r) => r.createdBy?.name ?? t("common.none"),
    },
  ];
  // a phone keeps when, what and how it went
  const phoneKeys = ["createdAt", "kind", "status", "result"];
  const columns = isPhone
    ? allColumns.filter((c) => phoneKeys.includes(String(c.key ?? (c as { dataIndex?: string }).dataIndex)))
    : allColumns;

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t("registry.import.uploadTitle")}>
            <Form layout="vertical">
              <Form.Item label={t("registry.import.kindTitle")}>
                <Segmented
                  value={kind}
                  onChange={(v) => setKind(v as ImportKind)}
                  options={KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                />
              </Form.Item>
              <Form.Item label={t("registry.import.area")} extra={t("registry.import.areaHint")}>
                <AreaFilter value={areaCode} onChange={setAreaCode} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item label={t("registry.import.file")}>
                <Upload.Dragger
                  accept=".xlsx,.csv"
                  maxCount={1}
                  fileList={files}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t("registry.import.drop")}</p>
                  <p className="ant-upload-hint">{t("registry.import.dropHint")}</p>
                </Upload.Dragger>
              </Form.Item>
              {uploadError ? <ErrorAlert error={uploadError} /> : null}
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={files.length === 0}
                loading={uploading}
                onClick={() => void upload()}
                style={{ marginTop: uploadError ? 12 : 0 }}
              >
                {t("registry.import.submit")}
              </Button>
            </Form>
          </Card>
          {current ? (
            <Space orientation="vertical" size={12} style={{ width: "100%", marginTop: 12 }}>
              {reused ? <Alert type="info" showIcon title={t("registry.import.sameFileHint")} /> : null}
              <ImportProgressCard key={current} id={current} onFinished={list.reload} />
            </Space>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <TemplatesCard />
        </Col>
      </Row>

      <Card size="small" title={t("registry.import.history")}>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<ImportSummary>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={isPhone ? undefined : { x: 900 }}
          rowClassName={(r) => (r.id === current ? "ant-table-row-selected" : "")}
          onRow={(r) => ({
            onClick: () => {
              setReused(false);
              setCurrent(r.id);
            },
            style: { cursor: "pointer" },
          })}
          locale={{ emptyText: t("registry.import.none") }}
        />
      </Card>

      <ExportCard />
    </Space>
  );
}
