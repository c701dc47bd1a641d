import { SearchOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Result,
  Space,
  Spin,
  Steps,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { api, ApiError } from "../../api/client";
import type { TrackingView } from "../../api/event-types";
import { useRemote } from "../../api/use-remote";
import { actionLabel, pickName, satisfactionLabel } from "../../components/events/labels";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LangSwitch } from "../../components/LangSwitch";
import { useLang, useT } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../lib/time";
import { normaliseCode, PUBLIC_STAGES, publicStageIndex } from "./track-steps";

/**
 * `/track/:code` (public, no login): a reporter follows their report by its tracking code: the
 * stage it is in, when it is due, and the steps taken, with no personal data.
 */
export function TrackPage() {
  const { code = "" } = useParams();
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const url = `/api/events/track/${encodeURIComponent(code)}`;
  const view = useRemote(code ? url : null, () => api.get<TrackingView>(url));
  const v = view.data;
  const notFound = view.error instanceof ApiError && view.error.status === 404;
  const stage = v ? publicStageIndex(v.state) : 0;

  return (
    <div className="track-page" style={{ minHeight: "100vh", background: "#f3f6fa", padding: "24px 12px" }}>
      <div style={{ maxWidth: 720, margin: "0 auto" }}>
        <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("app.name")} · {t("events.track.title")}
          </Typography.Title>
          <LangSwitch />
        </Space>
        <Card style={{ marginBottom: 16 }}>
          <Space.Compact style={{ width: "100%" }}>
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t("events.track.codeHint")}
              aria-label={t("events.track.code")}
              onPressEnter={() =>
                typed.trim() && navigate(`/track/${encodeURIComponent(normaliseCode(typed))}`)
              }
              maxLength={40}
            />
            <Button
              type="primary"
              icon={<SearchOutlined />}
              onClick={() => typed.trim() && navigate(`/track/${encodeURIComponent(normaliseCode(typed))}`)}
            >
              {t("events.track.search")}
            </Button>
          </Space.Compact>
        </Card>
        {view.loading && !v ? (
          <div style={{ textAlign: "center", padding: 40 }}>
            <Spin />
          </div>
        ) : notFound ? (
          <Result status="404" title={t("events.track.notFound")} subTitle={t("events.track.notFoundHint")} />
        ) : view.error ? (
          <ErrorAlert error={view.error} onRetry={view.reload} />
        ) : v ? (
          <Card data-testid="tracking">
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <div>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t("events.no", { no: v.no })} · {pickName(v.category, lang)}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t("events.track.state", { state: pickName(v.stateName, lang) })}
                </Typography.Text>
              </div>
              {stage >= 0 ? (
                <Steps
                  size="small"
                  current={stage}
                  responsive
                  items={PUBLIC_STAGES.map((s) => ({ title: t(`events.track.stage.${s}`) }))}
                />
              ) : (
                <Alert
                  type="info"
                  showIcon
                  title={
                    v.mergedInto
                      ? t("events.track.merged", { no: v.mergedInto.no })
                      : pickName(v.stateName, lang)
                  }
                />
              )}
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: "created",
                    label: t("events.track.createdAt"),
                    children: formatDateTime(v.createdAt),
                  },
                  ...(v.dueAt && !v.closedAt
                    ? [{ key: "due", label: t("events.track.dueAt"), children: formatDateTime(v.dueAt) }]
                    : []),
                  ...(v.closedAt
                    ? [
                        {
                          key: "closed",
                          label: t("events.track.closedAt"),
                          children: formatDateTime(v.closedAt),
                        },
                      ]
                    : []),
                  ...(v.satisfaction
                    ? [
                        {
                          key: "sat",
                          label: t("events.field.satisfaction"),
                          children: satisfactionLabel(t, v.satisfaction),
                        },
                      ]
                    : []),
                ]}
              />
              <Timeline
                items={[...v.steps].reverse().map((s, i) => ({
                  key: `${s.at}:${i}`,
                  color: i === 0 ? "blue" : "gray",
                  title: formatDateTime(s.at),
                  content: s.stateName
                    ? `${actionLabel(t, s.action)} · ${pickName(s.stateName, lang)}`
                    : actionLabel(t, s.action),
                }))}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("events.track.privacy")}
              </Typography.Text>
            </Space>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
