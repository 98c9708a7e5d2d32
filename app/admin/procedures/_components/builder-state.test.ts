// The e-form builder's reducers: one field's edits, the visual / JSON switch and the live preview.
import { describe, expect, it } from "vitest";
import type { TFormField } from "~/server/modules/eform/format";
import { builderReducer, conditionTargets, editField, freshKey, initialBuilderState, initialPreviewState, movedField, numberOrUndefined, previewReducer, retype, visibleOnly, type FieldAction } from "./builder-state";

const text: TFormField = { key: "name", type: "text", labelVi: "Tên", labelEn: "Name", required: true, pattern: "^a", maxLength: 10, multiline: true, helpVi: "h" };
const run = (field: TFormField, ...actions: FieldAction[]) => actions.reduce(editField, field);

describe("retype", () => {
  it("keeps what applies to the new type and drops the rest", () => {
    expect(retype(text, "idNumber")).toEqual({ key: "name", type: "idNumber", labelVi: "Tên", labelEn: "Name", required: true, helpVi: "h", pattern: "^a", maxLength: 10 });
    expect(retype(text, "number")).toEqual({ key: "name", type: "number", labelVi: "Tên", labelEn: "Name", required: true, helpVi: "h" });
    expect(retype({ ...text, type: "number", min: 1, unitVi: "người" }, "number")).toMatchObject({ min: 1, unitVi: "người" });
  });

  it("gives a select one option and a group one field, keeping theirs when they have some", () => {
    expect(retype(text, "select").options).toEqual([{ value: "a", labelVi: "Lựa chọn 1", labelEn: "Option 1" }]);
    expect(retype(text, "group").fields).toEqual([{ key: "item", type: "text", labelVi: "Nội dung", labelEn: "Item" }]);
    const group: TFormField = { key: "g", type: "group", labelVi: "G", labelEn: "G", repeatable: true, minItems: 1, maxItems: 3, fields: [text] };
    expect(retype(group, "group")).toEqual(group);
  });
});

describe("editField", () => {
  it("sets values and removes optional ones set to nothing", () => {
    const field = run(text, { type: "set", patch: { labelVi: "Họ tên" } }, { type: "optional", key: "required", value: false }, { type: "optional", key: "pattern", value: "" }, { type: "optional", key: "maxLength", value: undefined }, { type: "optional", key: "helpEn", value: "help" });
    expect(field).toEqual({ key: "name", type: "text", labelVi: "Họ tên", labelEn: "Name", multiline: true, helpVi: "h", helpEn: "help" });
  });

  it("retypes", () => {
    expect(run(text, { type: "retype", fieldType: "date" })).toEqual(retype(text, "date"));
  });

  it("turns repetition off with its bounds", () => {
    const group: TFormField = { key: "g", type: "group", labelVi: "G", labelEn: "G", fields: [text] };
    const on = run(group, { type: "repeatable", on: true }, { type: "optional", key: "minItems", value: 1 }, { type: "optional", key: "maxItems", value: 4 });
    expect(on).toMatchObject({ repeatable: true, minItems: 1, maxItems: 4 });
    expect(run(on, { type: "repeatable", on: false })).toEqual(group);
  });

  it("shows a field when another has a value, changes that value, and shows it always again", () => {
    const shown = run(text, { type: "showWhen", key: "kind", equals: "a" }, { type: "showWhenEquals", equals: "b" });
    expect(shown.visibleWhen).toEqual({ field: "kind", equals: "b" });
    expect(run(shown, { type: "alwaysShow" })).toEqual(text);
    expect(run(text, { type: "showWhenEquals", equals: "b" })).toEqual(text);
  });

  it("adds, edits and removes options", () => {
    const select = retype(text, "select");
    const field = run(select, { type: "addOption" }, { type: "option", index: 1, patch: { labelVi: "Hai" } }, { type: "addOption" }, { type: "removeOption", index: 0 });
    expect(field.options).toEqual([
      { value: "o2", labelVi: "Hai", labelEn: "" },
      { value: "o3", labelVi: "", labelEn: "" },
    ]);
  });
});

describe("list helpers", () => {
  const a: TFormField = { key: "a", type: "text", labelVi: "a", labelEn: "a" };
  const b: TFormField = { key: "field3", type: "group", labelVi: "b", labelEn: "b", fields: [] };
  const c: TFormField = { key: "c", type: "address", labelVi: "c", labelEn: "c" };

  it("makes a key the list does not have", () => {
    expect(freshKey([])).toBe("field1");
    expect(freshKey([a, b])).toBe("field4");
  });

  it("moves a field by one place", () => {
    expect(movedField([a, b, c], 2, -1).map((f) => f.key)).toEqual(["a", "c", "field3"]);
  });

  it("offers only single-value fields as conditions", () => {
    expect(conditionTargets([a, b, c])).toEqual([a]);
  });

  it("reads numbers typed, blank as none", () => {
    expect(numberOrUndefined(" ")).toBeUndefined();
    expect(numberOrUndefined("x")).toBeUndefined();
    expect(numberOrUndefined("12")).toBe(12);
  });

  it("leaves out fields hidden by what the preview holds, inside plain groups too", () => {
    const kind: TFormField = { key: "kind", type: "select", labelVi: "k", labelEn: "k", options: [{ value: "x", labelVi: "x", labelEn: "x" }] };
    const when: TFormField = { key: "w", type: "text", labelVi: "w", labelEn: "w", visibleWhen: { field: "kind", equals: "x" } };
    const group: TFormField = { key: "g", type: "group", labelVi: "g", labelEn: "g", fields: [kind, when] };
    expect(visibleOnly([kind, when], {}).map((f) => f.key)).toEqual(["kind"]);
    expect(visibleOnly([kind, when], { kind: "x" }).map((f) => f.key)).toEqual(["kind", "w"]);
    expect(visibleOnly([group], { g: {} })[0]!.fields!.map((f) => f.key)).toEqual(["kind"]);
  });
});

describe("builderReducer", () => {
  it("opens the JSON view on the text given, keeps edits, and returns to the visual view when applied", () => {
    let state = builderReducer(initialBuilderState, { type: "showJson", json: "{}" });
    expect(state).toEqual({ mode: "json", jsonText: "{}", jsonError: null });
    state = builderReducer(builderReducer(state, { type: "editJson", text: "{" }), { type: "jsonRefused", message: "bad" });
    expect(state).toEqual({ mode: "json", jsonText: "{", jsonError: "bad" });
    expect(builderReducer(state, { type: "jsonApplied" })).toEqual({ mode: "visual", jsonText: "{", jsonError: null });
    expect(builderReducer(state, { type: "showVisual" }).mode).toBe("visual");
  });
});

describe("previewReducer", () => {
  it("keeps what is typed and the last check's result", () => {
    const typed = previewReducer(initialPreviewState, { type: "typed", values: { a: "1" } });
    expect(typed).toEqual({ values: { a: "1" }, errors: {}, checked: null });
    const checked = previewReducer(typed, { type: "checked", values: { a: "" }, ok: false, errors: { "preview.a": "required" } });
    expect(checked).toEqual({ values: { a: "" }, errors: { "preview.a": "required" }, checked: "errors" });
    expect(previewReducer(checked, { type: "typed", values: {} })).toMatchObject({ checked: "errors", errors: { "preview.a": "required" } });
    expect(previewReducer(checked, { type: "checked", values: {}, ok: true, errors: {} }).checked).toBe("ok");
  });
});
