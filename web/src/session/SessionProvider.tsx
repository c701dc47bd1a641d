import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError, setUnauthorizedHandler } from "../api/client";
import type { Me } from "../api/types";
import { setDisplayTimeZone } from "../lib/time";

export type SessionState =
  | { kind: "loading" }
  | { kind: "anonymous"; loggedOut?: boolean }
  | { kind: "error"; error: unknown }
  | { kind: "authenticated"; me: Me };

interface SessionValue {
  state: SessionState;
  /** Stores the session returned by a successful login. */
  signedIn: (me: Me) => void;
  /** Ends the session on the server (best effort) and forgets it here. */
  logout: () => Promise<void>;
  /** Asks `/api/me` again (after an error). */
  refresh: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The session's state once the server has said who is signed in; times show in the deployment's zone. */
function authenticated(me: Me): SessionState {
  setDisplayTimeZone(me.timeZone);
  return { kind: "authenticated", me };
}

/** Knows who is signed in, from `GET /api/me`; any 401 from the API signs the user out here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: "loading" });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let alive = true;
    api.get<Me>("/api/me").then(
      (me) => alive && setState(authenticated(me)),
      (error: unknown) => {
        if (!alive) return;
        const anonymous = error instanceof ApiError && error.status === 401;
        setState(anonymous ? { kind: "anonymous" } : { kind: "error", error });
      },
    );
    return () => {
      alive = false;
    };
  }, [nonce]);

  useEffect(() => setUnauthorizedHandler(() => setState({ kind: "anonymous" })), []);

  const signedIn = useCallback((me: Me) => setState(authenticated(me)), []);
  const logout = useCallback(async () => {
    try {
      await api.post<void>("/api/auth/logout");
    } catch {
      // the cookie may outlive a failed call; the next /api/me will tell
    }
    setState({ kind: "anonymous", loggedOut: true });
  }, []);
  const refresh = useCallback(() => {
    setState({ kind: "loading" });
    setNonce((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, logout, refresh }), [state, signedIn, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context; throws outside <SessionProvider>. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() needs a <SessionProvider> above it");
  return value;
}

/** The signed-in user's session; only for pages under the authenticated layout. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.kind !== "authenticated") throw new Error("useMe() used outside an authenticated page");
  return state.me;
}
