// @vitest-environment node
import { describe, expect, it } from "vitest";
import { consoleHref, recordPath } from "./links";

describe("section links", () => {
  it("puts registry records under /registry", () => {
    expect(consoleHref("/key-persons/k1")).toBe("/registry/key-persons/k1");
    expect(consoleHref("/registry/persons/p1")).toBe("/registry/persons/p1");
    expect(consoleHref("/events/e1")).toBe("/events/e1");
  });

  it("drops links the console cannot open", () => {
    expect(consoleHref("/things/t1")).toBeUndefined();
    expect(consoleHref("/api/persons/p1")).toBeUndefined();
    expect(consoleHref("javascript:alert(1)")).toBeUndefined();
    expect(consoleHref(undefined)).toBeUndefined();
  });

  it("keeps web links", () => {
    expect(consoleHref("https://example.org/x")).toBe("https://example.org/x");
  });

  it("builds record paths with the id encoded", () => {
    expect(recordPath("houses", "a/b")).toBe("/registry/houses/a%2Fb");
  });
});
