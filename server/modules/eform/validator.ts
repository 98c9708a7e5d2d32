// buildFormValidator: the zod schema of a procedure's e-form, used as is in the browser (client
// validation) and on the server (draft submission). Isomorphic: no server imports.
//
// Input: what a form post or a draft holds (strings, or numbers from JSON clients; groups as
// objects, repeatable groups as arrays). Output: what the dossier keeps: trimmed NFC text, numbers,
// ISO dates, addresses as {province, commune, street}; optional empty fields are left out.
// Every issue is a "custom" issue whose message is translated with `t` when given (else the
// message key), and whose params carry {key, ...vars} so callers can translate later.
import { z } from "zod";
import type { MessageKey, MessageVars, TFunction } from "../../i18n/core";
import { DEFAULT_TEXT_MAX, isFieldVisible, itemBounds, type TFormField, type TFormSchema } from "./format";
import { isProvince } from "./provinces";
import { normalizeText, textLength } from "./text";

/** 12-digit citizen identity number (CCCD): the default rule of an idNumber field. */
export const ID_NUMBER_PATTERN = "^\\d{12}$";
export const TAX_CODE_PATTERN = "^\\d{10}(-\\d{3})?$";
export const PHONE_PATTERN = "^0\\d{9,10}$";
export const EMAIL_PATTERN = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";

/** Earliest and latest dates a form accepts: catches 0202 for 2020 and other slips. */
export const DATE_MIN = "1900-01-01";
export const DATE_MAX = "2100-12-31";

type EformMessageKey = Extract<MessageKey, `eform.${string}`>;

/** The specific message for well-known patterns, so "wrong format" says which format. */
const PATTERN_MESSAGES: Record<string, EformMessageKey> = {
  [ID_NUMBER_PATTERN]: "eform.idNumber",
  [TAX_CODE_PATTERN]: "eform.taxCode",
  [PHONE_PATTERN]: "eform.phone",
  [EMAIL_PATTERN]: "eform.email",
};

interface FormValidatorOptions {
  /** Translates issue messages; without it the message is the key (e.g. "eform.required"). */
  t?: TFunction;
}

type Ctx = z.RefinementCtx;
/** Adds a custom issue, at `path` below the current value when given. */
type Report = (ctx: Ctx, key: MessageKey, vars?: MessageVars, path?: PropertyKey[]) => void;

function reporter(t: TFunction | undefined): Report {
  return (ctx, key, vars, path) => {
    ctx.addIssue({ code: "custom", message: t ? t(key, vars) : key, params: { key, ...vars }, ...(path ? { path } : {}) });
  };
}

/** Empty as a form means it: nothing, blanks, or a group/list of nothing but blanks. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return normalizeText(value, true) === "";
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).every(isBlank);
  return false;
}

function asString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const compact = value.trim().replace(/\s+/g, "");
  if (!NUMBER_TEXT.test(compact)) return null;
  const n = Number(compact);
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in yyyy-mm-dd (no 31 April), or null. */
export function parseIsoDate(value: string): string | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return m[0];
}

export function toObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A list from an array, or from an object keyed by index (how some form encoders send lists). */
function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^\d+$/.test(k))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v);
  }
  return [];
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
}

function textField(field: TFormField, report: Report) {
  const max = field.maxLength ?? DEFAULT_TEXT_MAX;
  const pattern = field.pattern ?? (field.type === "idNumber" ? ID_NUMBER_PATTERN : undefined);
  const regex = pattern === undefined ? null : new RegExp(pattern);
  const patternMessage: EformMessageKey =
    field.type === "idNumber" && field.pattern === undefined ? "eform.idNumber" : ((pattern ? PATTERN_MESSAGES[pattern] : undefined) ?? "eform.pattern");
  return z.unknown().transform((raw, ctx) => {
    const str = asString(raw ?? "");
    if (str === null) {
      report(ctx, "eform.invalid");
      return z.NEVER;
    }
    const value = normalizeText(str, Boolean(field.multiline));
    if (value === "") {
      if (field.required) report(ctx, "eform.required");
      return undefined;
    }
    const length = textLength(value);
    if (length > max) {
      report(ctx, "eform.tooLong", { max, length });
      return z.NEVER;
    }
    if (regex && !regex.test(value)) {
      report(ctx, patternMessage);
      return z.NEVER;
    }
    return value;
  });
}

function numberField(field: TFormField, report: Report) {
  return z.unknown().transform((raw, ctx) => {
    if (isBlank(raw)) {
      if (field.required) report(ctx, "eform.required");
      return undefined;
    }
    const n = parseNumber(raw);
    if (n === null) {
      report(ctx, "eform.number");
      return z.NEVER;
    }
    if (field.min !== undefined && n < field.min) {
      report(ctx, "eform.min", { min: field.min });
      return z.NEVER;
    }
    if (field.max !== undefined && n > field.max) {
      report(ctx, "eform.max", { max: field.max });
      return z.NEVER;
    }
    return n;
  });
}

function dateField(field: TFormField, report: Report) {
  return z.unknown().transform((raw, ctx) => {
    if (isBlank(raw)) {
      if (field.required) report(ctx, "eform.required");
      return undefined;
    }
    const date = typeof raw === "string" ? parseIsoDate(raw) : null;
    if (date === null) {
      report(ctx, "eform.date");
      return z.NEVER;
    }
    if (date < DATE_MIN || date > DATE_MAX) {
      report(ctx, "eform.dateRange", { from: DATE_MIN, to: DATE_MAX });
      return z.NEVER;
    }
    return date;
  });
}

function selectField(field: TFormField, report: Report) {
  const values = new Set((field.options ?? []).map((o) => o.value));
  return z.unknown().transform((raw, ctx) => {
    if (isBlank(raw)) {
      if (field.required) report(ctx, "eform.requiredSelect");
      return undefined;
    }
    if (typeof raw !== "string" || !values.has(raw)) {
      report(ctx, "eform.option");
      return z.NEVER;
    }
    return raw;
  });
}

export interface TAddress {
  province: string;
  commune: string;
  street: string;
}

/** Address parts after normalisation; shared with the submission's delivery address. */
export function addressValidator(required: boolean, report: Report) {
  return z.unknown().transform((raw, ctx): TAddress | undefined => {
    if (isBlank(raw)) {
      if (required) {
        // Point at the parts, so each input shows what it lacks.
        reportAt(ctx, report, "province", "eform.province");
        reportAt(ctx, report, "commune", "eform.commune");
        reportAt(ctx, report, "street", "eform.street");
      }
      return undefined;
    }
    const parts = toObject(raw);
    const province = normalizeText(asString(parts.province ?? "") ?? "");
    const commune = normalizeText(asString(parts.commune ?? "") ?? "");
    const street = normalizeText(asString(parts.street ?? "") ?? "");
    let ok = true;
    if (!isProvince(province)) {
      reportAt(ctx, report, "province", province === "" ? "eform.province" : "eform.option");
      ok = false;
    }
    if (commune === "") {
      reportAt(ctx, report, "commune", "eform.commune");
      ok = false;
    } else if (textLength(commune) > 100) {
      reportAt(ctx, report, "commune", "eform.tooLong", { max: 100, length: textLength(commune) });
      ok = false;
    }
    if (street === "") {
      reportAt(ctx, report, "street", "eform.street");
      ok = false;
    } else if (textLength(street) > 200) {
      reportAt(ctx, report, "street", "eform.tooLong", { max: 200, length: textLength(street) });
      ok = false;
    }
    return ok ? { province, commune, street } : z.NEVER;
  });
}

function reportAt(ctx: Ctx, report: Report, key: string, messageKey: MessageKey, vars?: MessageVars) {
  report(ctx, messageKey, vars, [key]);
}

/** Stands in for the value of a field hidden by its visibleWhen: neither checked nor kept. */
const HIDDEN = Symbol("hidden");

function groupObject(fields: readonly TFormField[], report: Report) {
  const shape: Record<string, z.ZodType> = {};
  for (const child of fields) {
    const validator = fieldValidator(child, report);
    shape[child.key] = child.visibleWhen
      ? z.unknown().transform((value, ctx) => (value === HIDDEN ? undefined : nested(validator, value, ctx, [])))
      : validator;
  }
  return (
    z
      .unknown()
      // Every field is looked at, present or not (zod would otherwise refuse a missing key whose
      // value comes out undefined), and only the fields: unknown keys never reach the dossier.
      .transform((raw) => {
        const input = toObject(raw);
        const filled: Record<string, unknown> = {};
        for (const field of fields) {
          filled[field.key] = !isFieldVisible(field, input) ? HIDDEN : Object.hasOwn(input, field.key) ? input[field.key] : null;
        }
        return filled;
      })
      .pipe(z.object(shape))
      .transform(dropUndefined)
  );
}

/** Runs a nested schema and re-raises its issues under `prefix`; z.NEVER when it failed. */
export function nested<T>(schema: z.ZodType<T>, value: unknown, ctx: Ctx, prefix: PropertyKey[]): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom), code: "custom", path: [...prefix, ...issue.path] });
  }
  return z.NEVER;
}

function groupField(field: TFormField, report: Report): z.ZodType {
  const inner = groupObject(field.fields ?? [], report);
  const keys = (field.fields ?? []).map((f) => f.key);
  // Blank means blank in the schema's own fields: an unknown key does not start a group.
  const known = (raw: unknown) => {
    const input = toObject(raw);
    return keys.map((k) => (Object.hasOwn(input, k) ? input[k] : undefined));
  };
  if (field.repeatable) {
    const { min, max } = itemBounds(field);
    return z.unknown().transform((raw, ctx) => {
      const items: Record<string, unknown>[] = [];
      let failed = false;
      toList(raw).forEach((row, index) => {
        // A row left entirely blank is not an item (a phone user added one too many); issues
        // keep the row's own index so they land on the inputs the user sees.
        if (isBlank(known(row))) return;
        const item = nested(inner, toObject(row), ctx, [index]);
        if (item === z.NEVER) failed = true;
        else items.push(item);
      });
      if (items.length > max) report(ctx, "eform.maxItems", { max });
      else if (!failed && items.length < min) report(ctx, items.length === 0 && field.required ? "eform.required" : "eform.minItems", { min });
      if (failed || items.length > max || items.length < min) return z.NEVER;
      return items.length === 0 ? undefined : items;
    });
  }
  return z.unknown().transform((raw, ctx) => {
    if (!field.required && isBlank(known(raw))) return undefined;
    return nested(inner, toObject(raw), ctx, []);
  });
}

function fieldValidator(field: TFormField, report: Report): z.ZodType {
  switch (field.type) {
    case "text":
    case "idNumber":
      return textField(field, report);
    case "number":
      return numberField(field, report);
    case "date":
      return dateField(field, report);
    case "select":
      return selectField(field, report);
    case "address":
      return addressValidator(Boolean(field.required), report);
    case "group":
      return groupField(field, report);
  }
}

/**
 * The validator of one e-form. `safeParse(values)` gives the clean values to store, or issues
 * whose paths are the field paths ("organisation.taxCode", "members.0.name", "site.province").
 */
export function buildFormValidator(schema: TFormSchema, options: FormValidatorOptions = {}) {
  return groupObject(schema.fields, reporter(options.t));
}

/** Field path → first message, from a failed parse (paths joined with dots). */
export function fieldErrors(error: z.ZodError, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/** The issue's message key and vars (set by this module's issues), for translating later. */
export function issueKey(issue: z.core.$ZodIssue): { key: string; vars: MessageVars } {
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  const { key, ...vars } = params;
  return { key: typeof key === "string" ? key : "eform.invalid", vars: vars as MessageVars };
}

/** A reporter bound to a translator, for validators built around an e-form (the submission's). */
export { reporter as eformReporter };
