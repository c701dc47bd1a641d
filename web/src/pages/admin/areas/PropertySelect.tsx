import { AutoComplete } from "antd";

/** A property name of the uploaded features: one of `keys`, or typed by hand. */
export function PropertySelect(props: {
  keys: readonly string[];
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { keys, ...rest } = props;
  return (
    <AutoComplete
      {...rest}
      options={keys.map((k) => ({ value: k, label: k }))}
      showSearch={{
        filterOption: (input, option) =>
          String(option?.value ?? "")
            .toLowerCase()
            .includes(input.toLowerCase()),
      }}
    />
  );
}
