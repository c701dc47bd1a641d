import { lazy } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { I18nProvider } from "./i18n/I18nProvider";
import { AppLayout } from "./layout/AppLayout";
import { QUEUE_ROLES, STAFF_ROLES } from "./layout/menu";
import { RequireRole } from "./layout/RequireRole";
import { HomePage } from "./pages/home/HomePage";
import { LoginPage } from "./pages/login/LoginPage";
import { NotFoundPage } from "./pages/not-found/NotFoundPage";
import { SessionProvider } from "./session/SessionProvider";

// pages most users never open load on demand
const AuditPage = lazy(() => import("./pages/admin/audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import("./pages/admin/users/UsersPage").then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() =>
  import("./pages/admin/api-keys/ApiKeysPage").then((m) => ({ default: m.ApiKeysPage })),
);
const AreasPage = lazy(() => import("./pages/admin/areas/AreasPage").then((m) => ({ default: m.AreasPage })));
const UnassignedPage = lazy(() =>
  import("./pages/dispatch/unassigned/UnassignedPage").then((m) => ({ default: m.UnassignedPage })),
);
const GridTeamPage = lazy(() =>
  import("./pages/team/GridTeamPage").then((m) => ({ default: m.GridTeamPage })),
);
// MapLibre is large; only the map page loads it
const MapPage = lazy(() => import("./pages/map/MapPage").then((m) => ({ default: m.MapPage })));
const ChangePasswordPage = lazy(() =>
  import("./pages/account/ChangePasswordPage").then((m) => ({ default: m.ChangePasswordPage })),
);

const ADMIN = ["admin"] as const;

/** Providers and routes of the web console. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="map" element={<RequireRole roles={STAFF_ROLES} />}>
                <Route index element={<MapPage />} />
              </Route>
              <Route path="areas/:code/team" element={<RequireRole roles={STAFF_ROLES} />}>
                <Route index element={<GridTeamPage />} />
              </Route>
              <Route path="dispatch/unassigned" element={<RequireRole roles={QUEUE_ROLES} />}>
                <Route index element={<UnassignedPage />} />
              </Route>
              <Route path="account" element={<Navigate to="/account/password" replace />} />
              <Route path="account/password" element={<ChangePasswordPage />} />
              <Route path="admin" element={<RequireRole roles={ADMIN} />}>
                <Route index element={<Navigate to="/admin/users" replace />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="areas" element={<AreasPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="api-keys" element={<ApiKeysPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
