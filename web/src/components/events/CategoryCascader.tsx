import { LockOutlined } from "@ant-design/icons";
import { Cascader, Space } from "antd";
import { useMemo } from "react";
import type { EventCategory } from "../../api/event-types";
import { useLang, useT } from "../../i18n/I18nProvider";
import { categoryName } from "./labels";

interface Option {
  value: string;
  label: React.ReactNode;
  text: string;
  children?: Option[];
}

/**
 * The two-level category picker (大类 / 小类); only a leaf can be chosen. Sensitive categories carry a
 * lock: their reporters are always protected. Typing searches both levels.
 */
export function CategoryCascader({
  tree,
  value,
  onChange,
  id,
  publicOnly = false,
  changeOnSelect = false,
  placeholder,
}: {
  tree: readonly EventCategory[] | undefined;
  value?: string[];
  onChange?: (v: string[] | undefined) => void;
  id?: string;
  publicOnly?: boolean;
  /** allow a top-level category alone (filters, not reports) */
  changeOnSelect?: boolean;
  placeholder?: string;
}) {
  const t = useT();
  const { lang } = useLang();
  const options = useMemo<Option[]>(
    () =>
      (tree ?? [])
        .filter((c) => !publicOnly || c.public !== false)
        .map((top) => ({
          value: top.code,
          text: categoryName(top, lang),
          label: (
            <Space size={4}>
              {categoryName(top, lang)}
              {top.sensitive ? <LockOutlined title={t("events.category.sensitive")} /> : null}
            </Space>
          ),
          children: (top.children ?? [])
            .filter((c) => !publicOnly || c.public !== false)
            .map((leaf) => ({
              value: leaf.code,
              text: categoryName(leaf, lang),
              label: categoryName(leaf, lang),
            })),
        }))
        .filter((o) => changeOnSelect || (o.children?.length ?? 0) > 0),
    [tree, lang, publicOnly, changeOnSelect, t],
  );
  return (
    <Cascader<Option>
      id={id}
      options={options}
      value={value}
      onChange={(v) => onChange?.(v as string[] | undefined)}
      placeholder={placeholder ?? t("events.category.pick")}
      changeOnSelect={changeOnSelect}
      showSearch={{
        filter: (input, path) => path.some((o) => o.text.toLowerCase().includes(input.toLowerCase())),
      }}
      displayRender={(labels, selected) =>
        (selected ?? []).map((o) => o?.text ?? "").join(" / ") || labels.join(" / ")
      }
      style={{ width: "100%" }}
      allowClear
    />
  );
}
