import { useEffect, useState } from "react";
import { api } from "../../../api/client";
import type { ImportView } from "../../../api/registry-types";
import { recordUrl } from "../shared/registry-api";
import { isImportActive } from "./progress";

/**
 * Follows one import: reads it, and while it validates or loads reads it again every second until
 * it ends (invalid, done or failed). A failed read is kept as the error and polling stops.
 */
export function useImport(id: string | null): { data?: ImportView; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ id: string | null; data?: ImportView; error?: unknown }>({ id });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!id) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const data = await api.get<ImportView>(recordUrl("registry/imports", id));
        if (!alive) return;
        setState({ id, data });
        if (isImportActive(data.status)) timer = setTimeout(() => void read(), 1000);
      } catch (error) {
        if (alive) setState((prev) => ({ id, data: prev.id === id ? prev.data : undefined, error }));
      }
    };
    void read();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [id, nonce]);

  const current = state.id === id ? state : { id };
  return { data: current.data, error: current.error, reload: () => setNonce((n) => n + 1) };
}
