import type { ThemeConfig } from "antd";

/** Calm government blue; Chinese fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f5fbf",
    colorInfo: "#1f5fbf",
    colorLink: "#1f5fbf",
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: "#123d7a",
      headerColor: "#ffffff",
      headerHeight: 56,
      headerPadding: "0 20px",
      siderBg: "#ffffff",
      bodyBg: "#f3f6fa",
    },
  },
};
