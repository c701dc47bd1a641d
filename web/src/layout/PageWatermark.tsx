import { Watermark } from "antd";
import type { ReactNode } from "react";
import { formatMinute, useMinuteClock } from "../lib/time";

/** A faint watermark over the whole page: who is looking, and when (to the minute). */
export function PageWatermark({
  name,
  username,
  children,
}: {
  name: string;
  username: string;
  children: ReactNode;
}) {
  const now = useMinuteClock();
  return (
    <Watermark
      content={[`${name} (${username})`, formatMinute(now)]}
      font={{ color: "rgba(0, 0, 0, 0.06)", fontSize: 14 }}
      gap={[120, 120]}
      style={{ minHeight: "100vh" }}
    >
      {children}
    </Watermark>
  );
}
