import { lazy } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { I18nProvider } from "./i18n/I18nProvider";
import { AppLayout } from "./layout/AppLayout";
import {
  CENTRE_ROLES,
  IMPORT_ROLES,
  KEY_PERSON_ROLES,
  QUEUE_ROLES,
  REPORT_ROLES,
  STAFF_ROLES,
} from "./layout/menu";
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

const HouseholdsPage = lazy(() =>
  import("./pages/registry/households/HouseholdsPage").then((m) => ({ default: m.HouseholdsPage })),
);
const HouseholdFilePage = lazy(() =>
  import("./pages/registry/households/HouseholdFilePage").then((m) => ({ default: m.HouseholdFilePage })),
);
const PersonsPage = lazy(() =>
  import("./pages/registry/persons/PersonsPage").then((m) => ({ default: m.PersonsPage })),
);
const PersonFilePage = lazy(() =>
  import("./pages/registry/persons/PersonFilePage").then((m) => ({ default: m.PersonFilePage })),
);
const HousesPage = lazy(() =>
  import("./pages/registry/houses/HousesPage").then((m) => ({ default: m.HousesPage })),
);
const HouseFilePage = lazy(() =>
  import("./pages/registry/houses/HouseFilePage").then((m) => ({ default: m.HouseFilePage })),
);
const PlacesPage = lazy(() =>
  import("./pages/registry/places/PlacesPage").then((m) => ({ default: m.PlacesPage })),
);
const PlaceFilePage = lazy(() =>
  import("./pages/registry/places/PlaceFilePage").then((m) => ({ default: m.PlaceFilePage })),
);
const KeyPersonsPage = lazy(() =>
  import("./pages/registry/key-persons/KeyPersonsPage").then((m) => ({ default: m.KeyPersonsPage })),
);
const KeyPersonFilePage = lazy(() =>
  import("./pages/registry/key-persons/KeyPersonFilePage").then((m) => ({ default: m.KeyPersonFilePage })),
);
const VisitsPage = lazy(() =>
  import("./pages/registry/visits/VisitsPage").then((m) => ({ default: m.VisitsPage })),
);
const ImportsPage = lazy(() =>
  import("./pages/registry/imports/ImportsPage").then((m) => ({ default: m.ImportsPage })),
);
const ReportEventPage = lazy(() =>
  import("./pages/events/report/ReportEventPage").then((m) => ({ default: m.ReportEventPage })),
);
const EventsPage = lazy(() =>
  import("./pages/events/list/EventsPage").then((m) => ({ default: m.EventsPage })),
);
const EventPage = lazy(() =>
  import("./pages/events/detail/EventPage").then((m) => ({ default: m.EventPage })),
);
const DispatchBoardPage = lazy(() =>
  import("./pages/dispatch/board/DispatchBoardPage").then((m) => ({ default: m.DispatchBoardPage })),
);
const TasksPage = lazy(() => import("./pages/tasks/TasksPage").then((m) => ({ default: m.TasksPage })));
const SupervisionPage = lazy(() =>
  import("./pages/supervision/SupervisionPage").then((m) => ({ default: m.SupervisionPage })),
);
const EventConfigPage = lazy(() =>
  import("./pages/admin/event-config/EventConfigPage").then((m) => ({ default: m.EventConfigPage })),
);
const TrackPage = lazy(() => import("./pages/track/TrackPage").then((m) => ({ default: m.TrackPage })));

const ADMIN = ["admin"] as const;

/** Providers and routes of the web console. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/track/:code" element={<TrackPage />} />
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
              <Route path="dispatch/board" element={<RequireRole roles={CENTRE_ROLES} />}>
                <Route index element={<DispatchBoardPage />} />
              </Route>
              <Route path="events/report" element={<RequireRole roles={REPORT_ROLES} />}>
                <Route index element={<ReportEventPage />} />
              </Route>
              <Route path="events" element={<RequireRole roles={STAFF_ROLES} />}>
                <Route index element={<EventsPage />} />
              </Route>
              {/* a reporter opens their own event too; the server decides what they see */}
              <Route path="events/:id" element={<EventPage />} />
              <Route path="tasks" element={<RequireRole roles={STAFF_ROLES} />}>
                <Route index element={<TasksPage />} />
              </Route>
              <Route path="supervision" element={<RequireRole roles={CENTRE_ROLES} />}>
                <Route index element={<SupervisionPage />} />
              </Route>
              <Route path="registry" element={<RequireRole roles={STAFF_ROLES} />}>
                <Route index element={<Navigate to="/registry/households" replace />} />
                <Route path="households" element={<HouseholdsPage />} />
                <Route path="households/:id" element={<HouseholdFilePage />} />
                <Route path="persons" element={<PersonsPage />} />
                <Route path="persons/:id" element={<PersonFilePage />} />
                <Route path="houses" element={<HousesPage />} />
                <Route path="houses/:id" element={<HouseFilePage />} />
                <Route path="places" element={<PlacesPage />} />
                <Route path="places/:id" element={<PlaceFilePage />} />
                <Route path="visits" element={<VisitsPage />} />
              </Route>
              <Route path="registry/key-persons" element={<RequireRole roles={KEY_PERSON_ROLES} />}>
                <Route index element={<KeyPersonsPage />} />
                <Route path=":id" element={<KeyPersonFilePage />} />
              </Route>
              <Route path="registry/imports" element={<RequireRole roles={IMPORT_ROLES} />}>
                <Route index element={<ImportsPage />} />
              </Route>
              <Route path="account" element={<Navigate to="/account/password" replace />} />
              <Route path="account/password" element={<ChangePasswordPage />} />
              <Route path="admin" element={<RequireRole roles={ADMIN} />}>
                <Route index element={<Navigate to="/admin/users" replace />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="areas" element={<AreasPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="api-keys" element={<ApiKeysPage />} />
                <Route path="event-config" element={<EventConfigPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
