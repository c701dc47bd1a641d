import { describe, expect, it } from "vitest";
import { escapeXml, isoWithOffset, splitFormat, toJson, toXml } from "./open311.format";
import { parseForm } from "./open311.body";
import { maskPersonalText } from "./open311.present";
import { parseXml, record } from "./open311.test-xml";

describe("Open311 XML", () => {
  it("writes the declaration, lists by the standard's item names, and parses back", () => {
    const xml = toXml("services", [
      { service_code: "0101", service_name: "道路破损 & <坑洼>", metadata: false, group: null },
      { service_code: "0102", service_name: "路灯", metadata: false, group: "市容" },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>')).toBe(true);
    const root = parseXml(xml);
    expect(root.children.map((c) => c.name)).toEqual(["service", "service"]);
    expect(record(root.children[0]!)).toEqual({
      service_code: "0101",
      service_name: "道路破损 & <坑洼>",
      metadata: "false",
      group: "",
    });
  });

  it("escapes markup and drops characters XML cannot carry, keeping Chinese, emoji, tabs and newlines", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    const text = "井盖\u0000缺失\u0007\u001f\u007f\uFFFE 😀\t第二行\n\ud800";
    const xml = toXml("request", { description: text });
    const parsed = parseXml(xml);
    expect(parsed.children[0]!.text).toBe("井盖缺失 😀\t第二行\n");
  });

  it("leaves undefined out, writes null as an empty element, nests discovery's lists", () => {
    const xml = toXml("discovery", {
      changeset: "x",
      gone: undefined,
      empty: null,
      endpoints: [{ formats: ["text/xml", "application/json"] }],
    });
    expect(xml).not.toContain("gone");
    expect(xml).toContain("<empty/>");
    const root = parseXml(xml);
    const formats = root.children.find((c) => c.name === "endpoints")!.children[0]!.children[0]!;
    expect(formats.children.map((c) => [c.name, c.text])).toEqual([
      ["format", "text/xml"],
      ["format", "application/json"],
    ]);
    expect(JSON.parse(toJson({ a: undefined, b: null }))).toEqual({ b: null });
  });

  it("the test parser rejects what is not well-formed", () => {
    const decl = '<?xml version="1.0" encoding="utf-8"?>';
    for (const bad of ["<a>x & y</a>", "<a><b></a></b>", "<a>", "<a/><b/>", "<a>\u0001</a>", "<a>1 > 0</a>"])
      expect(() => parseXml(decl + bad), bad).toThrow();
    expect(() => parseXml("<a/>")).toThrow(/declaration/);
  });
});

describe("Open311 values", () => {
  it("writes times in the deployment's zone with their offset", () => {
    const t = new Date("2026-11-23T07:04:05.678Z");
    expect(isoWithOffset(t, "Asia/Shanghai")).toBe("2026-11-23T15:04:05+08:00");
    expect(isoWithOffset(t, "America/New_York")).toBe("2026-11-23T02:04:05-05:00");
    expect(isoWithOffset(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe(
      "2026-07-01T08:00:00-04:00",
    );
    expect(isoWithOffset(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe(
      "2027-01-01T00:00:00+08:00",
    );
  });

  it("splits the format off a path segment", () => {
    expect(splitFormat("0101.xml")).toEqual({ id: "0101", format: "xml" });
    expect(splitFormat("12.json")).toEqual({ id: "12", format: "json" });
    expect(splitFormat("a.b.json")).toEqual({ id: "a.b", format: "json" });
    expect(splitFormat("12.html")).toBeUndefined();
    expect(splitFormat(".xml")).toBeUndefined();
  });

  it("parses form bodies as UTF-8 with repeated names as lists", () => {
    const f = parseForm("service_code=0101&description=%E4%BA%95%E7%9B%96+%26+%E8%B7%AF&a[x][]=1&a[x][]=2");
    expect(f).toEqual({ service_code: "0101", description: "井盖 & 路", "a[x][]": ["1", "2"] });
  });

  it("masks ID and phone numbers typed into public text", () => {
    expect(maskPersonalText("联系 13812345678 或 0574-87651234，身份证 330212199001011234")).toBe(
      "联系 138****5678 或 0574-****1234，身份证 330212********1234",
    );
    expect(maskPersonalText("路灯编号 20231101 坏了")).toBe("路灯编号 20231101 坏了");
  });
});
