import { Select, Spin } from "antd";
import { useEffect, useState } from "react";
import { api, queryString } from "../../../api/client";
import type { PersonView, RegistryPage } from "../../../api/registry-types";
import { useT } from "../../../i18n/I18nProvider";

/**
 * Chooses a registered person by searching as one types (name, pinyin initials, ID or phone tail);
 * options show the masked ID and address so two people of the same name can be told apart.
 */
export function PersonPicker({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string;
  onChange?: (id: string | undefined, person?: PersonView) => void;
  id?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<PersonView[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    let alive = true;
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .get<RegistryPage<PersonView>>(`/api/persons${queryString({ q: text, pageSize: 20 })}`)
        .then(
          (page) => alive && setItems(page.items),
          () => alive && setItems([]),
        )
        .finally(() => alive && setBusy(false));
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      placeholder={placeholder ?? t("registry.picker.placeholder")}
      notFoundContent={
        busy ? <Spin size="small" /> : q ? t("registry.picker.none") : t("registry.picker.hint")
      }
      onChange={(v) =>
        onChange?.(
          v,
          items.find((p) => p.id === v),
        )
      }
      allowClear
      options={items.map((p) => ({
        value: p.id,
        label: [p.name, p.idNumber, p.currentAddress].filter(Boolean).join(" · "),
      }))}
    />
  );
}
