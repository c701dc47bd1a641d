import { Button, Layout, Result, Spin } from "antd";
import { Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";
import { useT } from "../i18n/I18nProvider";
import { useSession } from "../session/SessionProvider";
import { HeaderBar } from "./HeaderBar";
import { PageWatermark } from "./PageWatermark";
import { SideMenu } from "./SideMenu";

/** Centered spinner for whole-page waits. */
export function PageSpin() {
  return (
    <div style={{ display: "flex", justifyContent: "center", padding: 80 }}>
      <Spin size="large" />
    </div>
  );
}

/** The signed-in shell: checks the session, then header, side menu and watermark around the page. */
export function AppLayout() {
  const t = useT();
  const location = useLocation();
  const { state, refresh } = useSession();

  if (state.kind === "loading") return <PageSpin />;
  if (state.kind === "anonymous") {
    // after an explicit logout the next user starts at home, not on the last user's page
    const from = state.loggedOut ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (state.kind === "error") {
    return (
      <Result
        status="warning"
        title={t("error.sessionFailed")}
        extra={
          <div style={{ maxWidth: 480, margin: "0 auto" }}>
            <ErrorAlert error={state.error} />
            <Button type="primary" onClick={refresh} style={{ marginTop: 16 }}>
              {t("common.retry")}
            </Button>
          </div>
        }
      />
    );
  }

  const { me } = state;
  return (
    <PageWatermark name={me.user.displayName} username={me.user.username}>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header>
          <HeaderBar me={me} />
        </Layout.Header>
        <Layout>
          <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="light">
            <SideMenu roles={me.roles} />
          </Layout.Sider>
          <Layout.Content style={{ padding: 20 }}>
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </PageWatermark>
  );
}
