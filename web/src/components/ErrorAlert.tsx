import { Alert } from "antd";
import { ApiError } from "../api/client";
import { useT } from "../i18n/I18nProvider";
import { useErrorText } from "../i18n/error-text";

/** An error Alert with the server's message in the current language and its request id, if any. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const text = useErrorText();
  const requestId = error instanceof ApiError ? error.requestId : "";
  return (
    <Alert
      type="error"
      showIcon
      title={text(error)}
      description={requestId ? t("error.requestId", { id: requestId }) : undefined}
      action={
        onRetry ? (
          <a onClick={onRetry} role="button">
            {t("common.retry")}
          </a>
        ) : undefined
      }
    />
  );
}
