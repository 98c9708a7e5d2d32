// The e-form builder's state changes as pure reducers (unit-tested beside): one field's edits
// (editField), the visual / JSON switch (builderReducer) and the live preview (previewReducer).
import { isFieldVisible, type TFormField, type TFormFieldType } from "~/server/modules/eform/format";

/** A field changed to `type` keeps what still applies and drops what does not. */
export function retype(field: TFormField, type: TFormFieldType): TFormField {
  const base: TFormField = { key: field.key, type, labelVi: field.labelVi, labelEn: field.labelEn };
  if (field.required) base.required = true;
  if (field.helpVi) base.helpVi = field.helpVi;
  if (field.helpEn) base.helpEn = field.helpEn;
  if (field.visibleWhen) base.visibleWhen = field.visibleWhen;
  if (type === "text" || type === "idNumber") {
    if (field.pattern) base.pattern = field.pattern;
    if (field.maxLength) base.maxLength = field.maxLength;
    if (type === "text" && field.multiline) base.multiline = true;
  }
  if (type === "number") {
    for (const k of ["min", "max", "unitVi", "unitEn"] as const) if (field[k] !== undefined) (base as unknown as Record<string, unknown>)[k] = field[k];
  }
  if (type === "select") base.options = field.options?.length ? field.options : [{ value: "a", labelVi: "Lựa chọn 1", labelEn: "Option 1" }];
  if (type === "group") {
    base.fields = field.fields?.length ? field.fields : [{ key: "item", type: "text", labelVi: "Nội dung", labelEn: "Item" }];
    if (field.repeatable) {
      base.repeatable = true;
      if (field.minItems !== undefined) base.minItems = field.minItems;
      if (field.maxItems !== undefined) base.maxItems = field.maxItems;
    }
  }
  return base;
}

/** A key no field of the list has yet: field<n>. */
export function freshKey(fields: readonly TFormField[]): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.key === `field${n}`)) n++;
  return `field${n}`;
}

export function numberOrUndefined(raw: string): number | undefined {
  if (raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function without<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

type SelectOption = NonNullable<TFormField["options"]>[number];

export type FieldAction =
  | { type: "set"; patch: Partial<TFormField> }
  /** An optional property: "", false and undefined remove it. */
  | { type: "optional"; key: keyof TFormField; value: TFormField[keyof TFormField] | undefined }
  | { type: "retype"; fieldType: TFormFieldType }
  | { type: "repeatable"; on: boolean }
  | { type: "showWhen"; key: string; equals: string }
  | { type: "alwaysShow" }
  | { type: "showWhenEquals"; equals: string }
  | { type: "option"; index: number; patch: Partial<SelectOption> }
  | { type: "addOption" }
  | { type: "removeOption"; index: number };

export function editField(field: TFormField, action: FieldAction): TFormField {
  switch (action.type) {
    case "set":
      return { ...field, ...action.patch };
    case "optional": {
      const { key, value } = action;
      return value === undefined || value === "" || value === false ? without(field, key) : { ...field, [key]: value };
    }
    case "retype":
      return retype(field, action.fieldType);
    case "repeatable":
      return action.on ? { ...field, repeatable: true } : without(without(without(field, "repeatable"), "minItems"), "maxItems");
    case "showWhen":
      return { ...field, visibleWhen: { field: action.key, equals: action.equals } };
    case "alwaysShow":
      return without(field, "visibleWhen");
    case "showWhenEquals":
      return field.visibleWhen ? { ...field, visibleWhen: { field: field.visibleWhen.field, equals: action.equals } } : field;
    case "option":
      return { ...field, options: (field.options ?? []).map((o, k) => (k === action.index ? { ...o, ...action.patch } : o)) };
    case "addOption": {
      const options = field.options ?? [];
      return { ...field, options: [...options, { value: `o${options.length + 1}`, labelVi: "", labelEn: "" }] };
    }
    case "removeOption":
      return { ...field, options: (field.options ?? []).filter((_, k) => k !== action.index) };
  }
}

/** Fields that may drive another's visibility: the earlier siblings that hold a single value. */
export function conditionTargets(siblings: readonly TFormField[]): TFormField[] {
  return siblings.filter((s) => s.type !== "group" && s.type !== "address");
}

export function movedField(fields: readonly TFormField[], index: number, by: number): TFormField[] {
  const next = [...fields];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item!);
  return next;
}

// ─── The visual / JSON switch ─────────────────────────────────────────────

export interface BuilderState {
  mode: "visual" | "json";
  jsonText: string;
  jsonError: string | null;
}

export type BuilderAction =
  | { type: "showVisual" }
  /** Opens the JSON view on the schema as it is now. */
  | { type: "showJson"; json: string }
  | { type: "editJson"; text: string }
  | { type: "jsonRefused"; message: string }
  | { type: "jsonApplied" };

export const initialBuilderState: BuilderState = { mode: "visual", jsonText: "", jsonError: null };

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case "showVisual":
      return { ...state, mode: "visual" };
    case "showJson":
      return { mode: "json", jsonText: action.json, jsonError: null };
    case "editJson":
      return { ...state, jsonText: action.text };
    case "jsonRefused":
      return { ...state, jsonError: action.message };
    case "jsonApplied":
      return { ...state, jsonError: null, mode: "visual" };
  }
}

// ─── The live preview ─────────────────────────────────────────────────────

export interface PreviewState {
  values: Record<string, unknown>;
  /** Input name → message, from the last check. */
  errors: Record<string, string>;
  checked: "ok" | "errors" | null;
}

export type PreviewAction = { type: "typed"; values: Record<string, unknown> } | { type: "checked"; values: Record<string, unknown>; ok: boolean; errors: Record<string, string> };

export const initialPreviewState: PreviewState = { values: {}, errors: {}, checked: null };

export function previewReducer(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case "typed":
      return { ...state, values: action.values };
    case "checked":
      return { values: action.values, errors: action.errors, checked: action.ok ? "ok" : "errors" };
  }
}

/** Fields hidden by their visibleWhen, given the values typed in the preview, are left out (as the validator does). */
export function visibleOnly(fields: readonly TFormField[], values: Record<string, unknown>): TFormField[] {
  return fields
    .filter((f) => isFieldVisible(f, values))
    .map((f) => (f.type === "group" && !f.repeatable ? { ...f, fields: visibleOnly(f.fields ?? [], (values[f.key] as Record<string, unknown>) ?? {}) } : f));
}
