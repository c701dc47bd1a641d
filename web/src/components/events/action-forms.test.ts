import { describe, expect, it } from "vitest";
import { ACTION_FORMS, actionBody, barActions, partActions } from "./action-forms";
import { EVENT_ACTIONS } from "../../api/event-types";
import { addUnit, unitsBody, type UnitOption } from "./UnitPicker";
import { consultationIds, partyOptions } from "./consultation-api";

describe("action forms", () => {
  it("has a form for every action, requiring only fields it shows", () => {
    for (const a of EVENT_ACTIONS) {
      const form = ACTION_FORMS[a];
      for (const r of form.required) expect(form.fields, `${a} ${r}`).toContain(r);
    }
  });

  it("builds a body without empty fields, trimmed, with the part", () => {
    expect(actionBody("finish_part", { result: "  已处置  ", photos: [] }, "p1")).toEqual({
      result: "已处置",
      partId: "p1",
    });
    expect(actionBody("verify", { ok: false, note: "" })).toEqual({ ok: false });
    // fields the action's form does not have are never sent
    expect(actionBody("accept", { reason: "x", note: "好" })).toEqual({ note: "好" });
  });

  it("shows the allowed steps in loop order and part steps from the part's own can", () => {
    expect(barActions({ comment: true, accept: true, cancel: true, accept_part: true })).toEqual([
      "accept",
      "comment",
      "cancel",
    ]);
    expect(barActions(undefined)).toEqual([]);
    expect(partActions({ can: { accept: true, reject: true, finish: true } })).toEqual([
      "accept_part",
      "finish_part",
      "reject_part",
    ]);
    expect(partActions({})).toEqual([]);
  });
});

describe("joint dispatch units", () => {
  const opt = (value: string, ref: Record<string, unknown>): UnitOption => ({
    value,
    label: value,
    group: "department",
    ref,
  });
  it("makes the first unit lead and the others assist, each once", () => {
    let units = addUnit([], opt("fire", { departmentId: "d1" }));
    units = addUnit(units, opt("grid", { userId: "u1" }));
    units = addUnit(units, opt("fire", { departmentId: "d1" }));
    expect(unitsBody(units)).toEqual([
      { departmentId: "d1", role: "lead", required: true },
      { userId: "u1", role: "assist", required: true },
    ]);
  });
});

describe("consultations", () => {
  it("finds the consultations of an event in its timeline, newest first", () => {
    const entry = (id: number, action: string, data: Record<string, unknown> | null) => ({
      id,
      action,
      fromState: null,
      toState: null,
      version: id,
      at: "",
      actor: null,
      department: null,
      note: null,
      data,
      photos: [],
    });
    expect(
      consultationIds([
        entry(1, "consultation_convened", { consultationId: "c1" }),
        entry(2, "comment", { consultationId: "x" }),
        entry(3, "consultation_convened", { consultationId: "c2" }),
      ]),
    ).toEqual(["c2", "c1"]);
  });

  it("offers the event's units and the departments, each once", () => {
    const part = {
      id: "p",
      department: { id: "d1", code: "fire", name: "消防站" },
      assignee: { id: "u1", name: "王芳" },
      role: "lead",
      required: true,
      state: "pending",
      reason: null,
      result: null,
      photos: [],
      deadline: null,
      acceptedAt: null,
      doneAt: null,
      can: { accept: false, reject: false, finish: false },
    };
    const options = partyOptions(
      [part, { ...part, id: "q", state: "withdrawn", assignee: { id: "u9", name: "x" } }],
      [{ id: "d1", name: "消防站" }, { id: "d2", name: "司法所" }, { name: "no id" }],
    );
    expect(options.map((o) => o.value)).toEqual(["user:u1", "dept:d1", "dept:d2"]);
  });
});
