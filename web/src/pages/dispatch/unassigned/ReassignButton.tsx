import { SyncOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Modal } from "antd";
import { useEffect, useRef, useState } from "react";
import { api } from "../../../api/client";
import type { Job } from "../../../api/area-types";
import { useErrorText } from "../../../i18n/error-text";
import { useT } from "../../../i18n/I18nProvider";
import { waitForJob } from "./reassign";

type State =
  | { step: "idle" }
  | { step: "running" }
  | { step: "queued" }
  | { step: "done"; job: Job }
  | { step: "error"; text: string };

/** (Administrators) Asks the server to locate every queued record again, waits for the job, shows its report. */
export function ReassignButton({ onFinished }: { onFinished: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ step: "idle" });
  const closed = useRef(false);
  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
    };
  }, []);

  const run = async () => {
    setState({ step: "running" });
    try {
      const { jobId } = await api.post<{ jobId: number | null }>("/api/areas/reassign");
      // null: a run is already waiting to start, and will cover these records too
      if (jobId === null) return setState({ step: "queued" });
      const job = await waitForJob(() => api.get<Job>(`/api/jobs/${jobId}`), {
        cancelled: () => closed.current,
      });
      setState({ step: "done", job });
      onFinished();
    } catch (e) {
      if (closed.current) return;
      const text =
        e instanceof Error && e.message === "timeout" ? t("unassigned.reassignTimeout") : errorText(e);
      setState({ step: "error", text });
    }
  };

  const report = state.step === "done" ? state.job.payload?.report : undefined;
  return (
    <>
      <Button
        icon={<SyncOutlined spin={state.step === "running"} />}
        loading={state.step === "running"}
        onClick={() => void run()}
      >
        {state.step === "running" ? t("unassigned.reassigning") : t("unassigned.reassign")}
      </Button>
      <Modal
        open={state.step === "done" || state.step === "error" || state.step === "queued"}
        title={t("unassigned.reassignTitle")}
        onCancel={() => setState({ step: "idle" })}
        footer={
          <Button type="primary" onClick={() => setState({ step: "idle" })}>
            {t("common.close")}
          </Button>
        }
      >
        {state.step === "error" ? <Alert type="error" showIcon title={state.text} /> : null}
        {state.step === "queued" ? (
          <Alert type="info" showIcon title={t("unassigned.reassignQueued")} />
        ) : null}
        {state.step === "done" && state.job.status !== "done" ? (
          <Alert
            type="error"
            showIcon
            title={t("unassigned.reassignFailed", { status: state.job.status })}
            description={state.job.lastError ?? undefined}
          />
        ) : null}
        {report ? (
          <Descriptions
            className="reassign-report"
            column={1}
            size="small"
            bordered
            items={[
              { key: "checked", label: t("unassigned.checked"), children: report.checked },
              { key: "assigned", label: t("unassigned.assigned"), children: report.assigned },
              { key: "stillOutside", label: t("unassigned.stillOutside"), children: report.stillOutside },
            ]}
          />
        ) : null}
      </Modal>
    </>
  );
}
