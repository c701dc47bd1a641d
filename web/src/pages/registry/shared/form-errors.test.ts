// @vitest-environment node
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import { fieldErrorsOf } from "./form-errors";

const body = (field?: string) => ({
  code: "ID_CHECKSUM",
  message: { zh: "身份证号校验位错误", en: "Bad ID checksum" },
  field,
  requestId: "r1",
});

describe("field errors of a refused request", () => {
  it("puts every listed problem on its field, nested paths split", () => {
    const error = new ApiError(400, body("idNumber"), {
      problems: [
        { field: "idNumber", code: "ID_CHECKSUM", message: { zh: "校验位错误", en: "Bad checksum" } },
        { field: "floating.permitExpiresOn", code: "DATE", message: { zh: "日期有误", en: "Bad date" } },
        { field: "idNumber", code: "X", message: { zh: "另一个问题", en: "Another" } },
      ],
    });
    expect(fieldErrorsOf(error, "zh-CN")).toEqual([
      { name: ["idNumber"], errors: ["校验位错误", "另一个问题"] },
      { name: ["floating", "permitExpiresOn"], errors: ["日期有误"] },
    ]);
    expect(fieldErrorsOf(error, "en-US", ["idNumber"])).toEqual([
      { name: ["idNumber"], errors: ["Bad checksum", "Another"] },
    ]);
  });

  it("falls back to the one field the error names", () => {
    expect(fieldErrorsOf(new ApiError(400, body("phone")), "en-US")).toEqual([
      { name: ["phone"], errors: ["Bad ID checksum"] },
    ]);
  });

  it("gives nothing for errors without a field or not from the API", () => {
    expect(fieldErrorsOf(new ApiError(500, body()), "zh-CN")).toEqual([]);
    expect(fieldErrorsOf(new Error("x"), "zh-CN")).toEqual([]);
  });
});
