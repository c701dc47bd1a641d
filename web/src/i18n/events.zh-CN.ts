/** Chinese UI strings of the events pages. */
export const zhCNEvents = {
  "nav.group.events": "事件处置",
  "nav.report": "事件上报",
  "nav.board": "调度台",
  "nav.events": "事件列表",
  "nav.tasks": "我的任务",
  "nav.supervision": "督办",
  "nav.eventConfig": "事件配置",
} as const;
