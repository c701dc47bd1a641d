import { Alert } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import type { AuditVerifyResult } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useT } from "../../../i18n/I18nProvider";

export interface VerifyChainState {
  running: boolean;
  result: AuditVerifyResult | null;
  error: unknown;
  verify: () => Promise<void>;
  clear: () => void;
}

/** Runs `POST /api/audit/verify`, which re-hashes the audit chain on the server. */
export function useVerifyChain(): VerifyChainState {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<AuditVerifyResult>("/api/audit/verify"));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  const clear = () => {
    setResult(null);
    setError(null);
  };
  return { running, result, error, verify, clear };
}

/** The outcome of a chain check: intact, or where the first bad record is. */
export function VerifyChainResult({ state }: { state: VerifyChainState }) {
  const t = useT();
  const { result, error } = state;
  if (error) return <ErrorAlert error={error} />;
  if (!result) return null;
  return (
    <Alert
      showIcon
      closable={{ onClose: state.clear }}
      type={result.ok ? "success" : "error"}
      description={!result.ok && result.problem ? result.problem : undefined}
      title={
        result.ok
          ? t("audit.verifyOk", { checked: result.checked })
          : t("audit.verifyBad", {
              checked: result.checked,
              id: result.firstBadId ?? t("common.none"),
            })
      }
    />
  );
}
