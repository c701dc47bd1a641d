import { Space, Typography } from "antd";
import { ErrorAlert } from "../ErrorAlert";
import { useT } from "../../i18n/I18nProvider";
import { ProblemTable } from "./ProblemTable";
import { conflictCodesOf, problemsOf } from "./problems";

/** A failed area action: the server's message, then the problems it listed or the codes already taken. */
export function ActionError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const problems = problemsOf(error);
  const codes = conflictCodesOf(error);
  return (
    <Space orientation="vertical" style={{ width: "100%", marginBottom: 16 }}>
      <ErrorAlert error={error} />
      {problems.length > 0 ? (
        <ProblemTable problems={problems} title={t("problems.title", { count: problems.length })} />
      ) : null}
      {codes.length > 0 ? (
        <Typography.Paragraph>
          {t("problems.codesTaken")}
          {codes.map((c) => (
            <Typography.Text key={c} code>
              {c}
            </Typography.Text>
          ))}
        </Typography.Paragraph>
      ) : null}
    </Space>
  );
}
