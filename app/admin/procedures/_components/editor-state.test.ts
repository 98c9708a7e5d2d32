// The procedure editor's reducer: each action changes what it names and nothing else.
import { describe, expect, it } from "vitest";
import { editorErrors, editorReducer, emptyComponent, emptyContent, fromLocalInput, initialEditorState, newStep, toLocalInput, type EditorAction, type EditorContent, type EditorState } from "./editor-state";

const step = (nameVi: string) => ({ ...newStep(), nameVi });
const component = (nameVi: string) => ({ ...emptyComponent(), nameVi });

function content(over: Partial<EditorContent> = {}): EditorContent {
  return { ...emptyContent(), components: [component("A"), component("B"), component("C")], steps: [step("1"), step("2"), step("3")], validFrom: new Date("2026-03-01T01:30:00Z"), ...over };
}

const start = (over: Partial<EditorContent> = {}) => initialEditorState({ initial: content(over), target: { sectors: [{ id: "s1", name: "Sector" }] } });
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);

describe("initialEditorState", () => {
  it("starts a new procedure at the first sector, province level, no agency, validity as Vietnam time", () => {
    const state = start({ validTo: new Date("2026-12-31T16:59:00Z") });
    expect(state.identity).toEqual({ code: "", sectorId: "s1", level: "PROVINCE", agencyIds: [] });
    expect(state.validFromText).toBe("2026-03-01T08:30");
    expect(state.validToText).toBe("2026-12-31T23:59");
    expect(state).toMatchObject({ pending: false, error: null });
  });

  it("has no sector when there is none, and an empty end of validity", () => {
    const state = initialEditorState({ initial: content(), target: { sectors: [] } });
    expect(state.identity.sectorId).toBe("");
    expect(state.validToText).toBe("");
  });
});

describe("editorReducer", () => {
  it("sets plain content fields, the identity and the typed validity", () => {
    const state = run(start(), { type: "set", patch: { nameVi: "Mới", limitValue: 9 } }, { type: "identity", patch: { code: "1.0001", agencyIds: ["a"] } }, { type: "validity", patch: { validToText: "2027-01-01T00:00" } });
    expect(state.content).toMatchObject({ nameVi: "Mới", limitValue: 9, authorityVi: "Sở Khoa học và Công nghệ" });
    expect(state.identity).toMatchObject({ code: "1.0001", agencyIds: ["a"], sectorId: "s1" });
    expect(state.validToText).toBe("2027-01-01T00:00");
  });

  it("gives each fee kind its starting values and edits only the current kind's amounts", () => {
    expect(run(start(), { type: "feeKind", kind: "fixed" }).content.fee).toEqual({ kind: "fixed", amount: 500000 });
    expect(run(start(), { type: "feeKind", kind: "percent" }).content.fee).toEqual({ kind: "percent", rate: 0.001, min: 0, max: 5000000 });
    expect(run(start(), { type: "feeKind", kind: "schedule" }).content.fee).toEqual({ kind: "schedule" });
    expect(run(start(), { type: "feeKind", kind: "fixed" }, { type: "feeAmount", amount: 20000 }).content.fee).toEqual({ kind: "fixed", amount: 20000 });
    expect(run(start(), { type: "feeKind", kind: "percent" }, { type: "feePercent", patch: { rate: 0.005, max: 10 } }).content.fee).toEqual({ kind: "percent", rate: 0.005, min: 0, max: 10 });
    const none = start();
    expect(editorReducer(none, { type: "feePercent", patch: { rate: 0.5 } })).toBe(none);
  });

  it("keeps channels sorted and without the one unticked", () => {
    const state = run(start({ channels: [3] }), { type: "channel", channel: 1, on: true }, { type: "channel", channel: 2, on: true }, { type: "channel", channel: 3, on: false });
    expect(state.content.channels).toEqual([1, 2]);
  });

  it("adds, edits, moves and removes steps and components by position", () => {
    let state = run(start(), { type: "addStep" }, { type: "step", index: 3, patch: { nameVi: "4" } }, { type: "move", list: "steps", index: 3, by: -1 }, { type: "remove", list: "steps", index: 0 });
    expect(state.content.steps.map((s) => s.nameVi)).toEqual(["2", "4", "3"]);
    expect(state.content.steps[1]).toEqual(step("4"));
    state = run(state, { type: "addComponent" }, { type: "component", index: 3, patch: { nameVi: "D", required: false } }, { type: "move", list: "components", index: 0, by: 1 }, { type: "remove", list: "components", index: 2 });
    expect(state.content.components.map((c) => c.nameVi)).toEqual(["B", "A", "D"]);
    expect(state.content.components[2]).toEqual({ ...emptyComponent(), nameVi: "D", required: false });
    // The other list is untouched.
    expect(state.content.steps.map((s) => s.nameVi)).toEqual(["2", "4", "3"]);
  });

  it("replaces the form schema", () => {
    const formSchema = { version: 1 as const, fields: [{ key: "a", type: "text" as const, labelVi: "A", labelEn: "A" }] };
    expect(run(start(), { type: "formSchema", formSchema }).content.formSchema).toBe(formSchema);
  });

  it("marks a save pending, clears the last refusal, and keeps a refusal with the save no longer pending", () => {
    const error = { message: "no", fields: { code: "taken" }, appCode: "VALIDATION", details: null };
    const failed = run(start(), { type: "saveStarted" }, { type: "saveFailed", error });
    expect(failed).toMatchObject({ pending: false, error });
    expect(run(failed, { type: "saveStarted" })).toMatchObject({ pending: true, error: null });
    expect(failed.content).toEqual(start().content);
  });
});

describe("editorErrors", () => {
  it("reads content paths with or without their prefix, the exact path first", () => {
    const errors = editorErrors({ message: "", fields: { "content.nameVi": "a", nameEn: "b", "content.nameEn": "c" }, appCode: null, details: null });
    expect(errors.of("nameVi")).toBe("a");
    expect(errors.of("nameEn")).toBe("b");
    expect(errors.of("legalBasisVi")).toBeUndefined();
    expect(editorErrors(null).fields).toEqual({});
  });
});

describe("local input times", () => {
  it("round-trips Vietnam time and refuses what is not a time", () => {
    expect(fromLocalInput("2026-03-01T08:30")?.toISOString()).toBe("2026-03-01T01:30:00.000Z");
    expect(toLocalInput(fromLocalInput("2026-12-31T23:59")!)).toBe("2026-12-31T23:59");
    expect(fromLocalInput("")).toBeNull();
  });
});
