import { Button, Result } from "antd";
import { Link } from "react-router";
import { useT } from "../../i18n/I18nProvider";

/** Any path no route matches. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.subtitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}
