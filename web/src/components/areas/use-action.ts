import { useCallback, useState } from "react";

export interface Action {
  busy: boolean;
  error: unknown;
  /** Runs `fn`, keeping its error to show; resolves to `{ value }`, or null when it failed. */
  run: <T>(fn: () => Promise<T>) => Promise<{ value: T } | null>;
  reset: () => void;
}

/** The busy flag and last error of a form's submit. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(fn: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return { value: await fn() };
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { busy, error, run, reset };
}
