import { Grid } from "antd";

/** True on a phone-sized screen (narrower than antd's `md`, 768 px): pages show cards instead of tables. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // before the first measurement every breakpoint is undefined: assume a desktop
  return screens.md === false;
}
