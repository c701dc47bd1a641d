import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Space, Switch, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useT } from "../../../i18n/I18nProvider";
import { categoryRows, nextLeafCode, updateCategory } from "./config-format";
import type { Category } from "./config-types";
import { SaveBar } from "./SaveBar";
import { useConfigDoc } from "./use-config-doc";

type Row = ReturnType<typeof categoryRows>[number];

/**
 * The two-level category tree: names in both languages, public (offered to residents and Open311)
 * and active flags edited in place, leaves added under a group; sensitive groups are never public.
 */
export function CategoriesTab() {
  const t = useT();
  const editor = useConfigDoc("categories");
  const categories = editor.draft?.categories ?? [];
  const rows = categoryRows(categories);
  const set = (code: string, patch: Partial<Category>) =>
    editor.setDraft({ categories: updateCategory(categories, code, patch) });
  const addLeaf = (parent: Category) => {
    const code = nextLeafCode(categories, parent.code);
    editor.setDraft({
      categories: [
        ...categories,
        {
          code,
          parent: parent.code,
          name: { zh: t("events.config.newCategory"), en: "New category" },
          public: parent.public && !parent.sensitive,
          sensitive: parent.sensitive,
          active: true,
        },
      ],
    });
  };

  const columns: TableColumnsType<Row> = [
    { title: t("events.config.code"), dataIndex: "code", width: 130 },
    {
      title: t("events.config.nameZh"),
      key: "zh",
      render: (_, c) => (
        <Input
          size="small"
          value={c.name.zh}
          maxLength={100}
          aria-label={t("events.config.nameZh")}
          onChange={(e) => set(c.code, { name: { ...c.name, zh: e.target.value } })}
        />
      ),
    },
    {
      title: t("events.config.nameEn"),
      key: "en",
      render: (_, c) => (
        <Input
          size="small"
          value={c.name.en}
          maxLength={200}
          aria-label={t("events.config.nameEn")}
          onChange={(e) => set(c.code, { name: { ...c.name, en: e.target.value } })}
        />
      ),
    },
    {
      title: t("events.config.public"),
      key: "public",
      width: 90,
      render: (_, c) => (
        <Switch
          size="small"
          checked={c.public}
          disabled={c.sensitive}
          onChange={(v) => set(c.code, { public: v })}
        />
      ),
    },
    {
      title: t("events.config.sensitive"),
      key: "sensitive",
      width: 90,
      render: (_, c) => (c.sensitive ? <Tag color="red">{t("events.config.sensitive")}</Tag> : null),
    },
    {
      title: t("events.config.active"),
      key: "active",
      width: 90,
      render: (_, c) => (
        <Switch size="small" checked={c.active !== false} onChange={(v) => set(c.code, { active: v })} />
      ),
    },
    {
      key: "add",
      width: 110,
      render: (_, c) =>
        c.parent === null ? (
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => addLeaf(c)}>
            {t("events.config.addLeaf")}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <SaveBar kind="categories" editor={editor} />
      <Typography.Paragraph type="secondary">{t("events.config.categoriesHint")}</Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        loading={editor.loading && !editor.doc}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{ defaultExpandAllRows: false }}
      />
      <Space />
    </>
  );
}
