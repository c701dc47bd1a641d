import { describe, expect, it } from "vitest";
import {
  defaultSource,
  hasLocation,
  isDeskUser,
  PHONE_PATTERN,
  recordsReporter,
  reportBody,
} from "./report-form";

describe("report form", () => {
  it("reports from the user's own channel", () => {
    expect(defaultSource(["dispatcher"])).toBe("desk");
    expect(defaultSource(["grid_worker"])).toBe("grid");
    expect(defaultSource(["department_handler"])).toBe("department");
    expect(defaultSource(["volunteer"])).toBe("volunteer");
    expect(defaultSource(["resident"])).toBe("resident");
    expect(isDeskUser(["leader"])).toBe(true);
    expect(isDeskUser(["grid_worker"])).toBe(false);
    expect(recordsReporter(["resident"])).toBe(false);
    expect(recordsReporter(["grid_worker"])).toBe(true);
  });

  it("needs a point, an area or an address", () => {
    expect(hasLocation({ point: null, areaCode: " ", address: "" })).toBe(false);
    expect(hasLocation({ point: { lat: 1, lng: 2 } })).toBe(true);
    expect(hasLocation({ address: "龙发花园" })).toBe(true);
  });

  it("sends the leaf category, trimmed text and only what was given", () => {
    const body = reportBody(
      {
        category: ["05", "0501"],
        urgency: "urgent",
        description: "  闻到烟味 ",
        title: " ",
        point: { lat: 29.85, lng: 121.56 },
        photos: ["f1"],
        reporterName: " 张三 ",
        reporterPhone: "138 1234-5678",
      },
      "grid",
    );
    expect(body).toEqual({
      category: "0501",
      description: "闻到烟味",
      urgency: "urgent",
      source: "grid",
      lat: 29.85,
      lng: 121.56,
      photos: ["f1"],
      reporter: { name: "张三", phone: "13812345678" },
    });
  });

  it("leaves the reporter out of an anonymous report", () => {
    const body = reportBody(
      {
        category: ["16", "1601"],
        urgency: "normal",
        description: "咨询",
        anonymous: true,
        reporterName: "张三",
        address: "x",
      },
      "resident",
    );
    expect(body.anonymous).toBe(true);
    expect(body.reporter).toBeUndefined();
  });

  it("accepts mobiles and landlines", () => {
    expect(PHONE_PATTERN.test("13812345678")).toBe(true);
    expect(PHONE_PATTERN.test("0574-87654321")).toBe(true);
    expect(PHONE_PATTERN.test("12345")).toBe(false);
  });
});
