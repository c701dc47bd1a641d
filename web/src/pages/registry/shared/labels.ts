import { isMessageKey, type TFunction } from "../../../i18n/translate";

/** The label of a record field in history and forms (`registry.field.<name>`), else the name itself. */
export function fieldLabel(t: TFunction, field: string): string {
  const key = `registry.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** The label of a history action (`registry.action.<name>`), else the action itself. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `registry.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The label of a record status (active, deregistered…). */
export function statusLabel(t: TFunction, status: string): string {
  const key = `registry.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
