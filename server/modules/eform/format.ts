// The e-form schema language stored in ProcedureVersion.formSchema, read back from JSON.
// The format is authored in prisma/seed/form-schema.ts (FormSchema); this is its runtime reader:
// the stored value is data an administrator may edit, so it is parsed, never trusted by a cast.
// Isomorphic: no server imports (client components build their validator from it too).
import { z } from "zod";

export const FORM_FIELD_TYPES = ["text", "number", "date", "select", "idNumber", "address", "group"] as const;
export type TFormFieldType = (typeof FORM_FIELD_TYPES)[number];

const ZFormOptionSchema = z.object({
  value: z.string().min(1).max(200),
  labelVi: z.string().min(1),
  labelEn: z.string().min(1),
});
type TFormOption = z.infer<typeof ZFormOptionSchema>;

export interface TFormField {
  key: string;
  type: TFormFieldType;
  labelVi: string;
  labelEn: string;
  required?: boolean;
  helpVi?: string;
  helpEn?: string;
  multiline?: boolean;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
  unitVi?: string;
  unitEn?: string;
  options?: TFormOption[];
  fields?: TFormField[];
  repeatable?: boolean;
  minItems?: number;
  maxItems?: number;
  /** Shown (and validated) only while the sibling field `field` holds `equals`; hidden values are dropped. */
  visibleWhen?: TVisibleWhen;
}

/** Conditional visibility: `field` is the key of an earlier sibling that is not a group or an address. */
interface TVisibleWhen {
  field: string;
  equals: string | number | boolean;
}

export interface TFormSchema {
  version: 1;
  fields: TFormField[];
}

/** Upper bound on items of a repeatable group when the schema names none. */
const DEFAULT_MAX_ITEMS = 50;
/** Upper bound on a text field without maxLength: a form field is not a document. */
export const DEFAULT_TEXT_MAX = 2000;

const ZFormFieldSchema: z.ZodType<TFormField> = z.lazy(() =>
  z
    .object({
      key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "key must be camelCase"),
      type: z.enum(FORM_FIELD_TYPES),
      labelVi: z.string().min(1),
      labelEn: z.string().min(1),
      required: z.boolean().optional(),
      helpVi: z.string().optional(),
      helpEn: z.string().optional(),
      multiline: z.boolean().optional(),
      maxLength: z.number().int().positive().max(100_000).optional(),
      pattern: z
        .string()
        .refine((p) => {
          try {
            new RegExp(p);
            return true;
          } catch {
            return false;
          }
        }, "pattern is not a regular expression")
        .optional(),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      unitVi: z.string().optional(),
      unitEn: z.string().optional(),
      options: z.array(ZFormOptionSchema).min(1).optional(),
      fields: z.array(ZFormFieldSchema).min(1).optional(),
      repeatable: z.boolean().optional(),
      minItems: z.number().int().min(0).max(200).optional(),
      maxItems: z.number().int().min(1).max(200).optional(),
      visibleWhen: z
        .object({ field: z.string().regex(/^[a-z][A-Za-z0-9]*$/), equals: z.union([z.string().max(200), z.number().finite(), z.boolean()]) })
        .optional(),
    })
    .superRefine((f, ctx) => {
      if (f.type === "select" && !f.options) ctx.addIssue({ code: "custom", path: ["options"], message: "select needs options" });
      if (f.type !== "select" && f.options) ctx.addIssue({ code: "custom", path: ["options"], message: "options only on select" });
      if (f.type === "group" && !f.fields) ctx.addIssue({ code: "custom", path: ["fields"], message: "group needs fields" });
      if (f.type !== "group" && f.fields) ctx.addIssue({ code: "custom", path: ["fields"], message: "fields only on group" });
      if (f.repeatable && f.type !== "group") ctx.addIssue({ code: "custom", path: ["repeatable"], message: "repeatable only on group" });
      if ((f.minItems ?? 0) > (f.maxItems ?? DEFAULT_MAX_ITEMS)) {
        ctx.addIssue({ code: "custom", path: ["minItems"], message: "minItems above maxItems" });
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: "custom", path: ["min"], message: "min above max" });
      if (f.fields) {
        const keys = f.fields.map((c) => c.key);
        if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["fields"], message: "duplicate keys" });
        checkVisibleWhen(f.fields, ctx, ["fields"]);
      }
    }),
);

const ZFormSchemaSchema = z
  .object({
    // Schemas written before the version marker existed are version 1.
    version: z.literal(1).default(1),
    fields: z.array(ZFormFieldSchema),
  })
  .superRefine((s, ctx) => {
    const keys = s.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["fields"], message: "duplicate keys" });
    checkVisibleWhen(s.fields, ctx, ["fields"]);
  });

/** visibleWhen names an earlier sibling holding a single value (so the condition is known when the field is reached). */
function checkVisibleWhen(fields: readonly { key: string; type: TFormFieldType; visibleWhen?: TVisibleWhen }[], ctx: z.RefinementCtx, path: PropertyKey[]) {
  fields.forEach((f, i) => {
    if (!f.visibleWhen) return;
    const target = fields.slice(0, i).find((other) => other.key === f.visibleWhen!.field);
    if (!target || target.type === "group" || target.type === "address") {
      ctx.addIssue({ code: "custom", path: [...path, i, "visibleWhen", "field"], message: "visibleWhen must name an earlier sibling field with a single value" });
    }
  });
}

/** Whether a field is shown, given the raw values of its siblings (visibleWhen compares as text). */
export function isFieldVisible(field: Pick<TFormField, "visibleWhen">, siblingValues: Record<string, unknown>): boolean {
  if (!field.visibleWhen) return true;
  const value = siblingValues[field.visibleWhen.field];
  if (value === undefined || value === null) return false;
  return String(value).trim() === String(field.visibleWhen.equals);
}

/** Reads a stored schema; throws (with the path of the first problem) when it is not one. */
export function parseFormSchema(json: unknown): TFormSchema {
  const parsed = ZFormSchemaSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Invalid e-form schema at ${first?.path.join(".") || "(root)"}: ${first?.message ?? "unknown problem"}`);
  }
  return parsed.data as TFormSchema;
}

type Locale = "vi" | "en";

export function fieldLabel(field: { labelVi: string; labelEn: string }, locale: Locale): string {
  return locale === "en" ? field.labelEn : field.labelVi;
}

export function fieldHelp(field: TFormField, locale: Locale): string | undefined {
  return locale === "en" ? (field.helpEn ?? field.helpVi) : field.helpVi;
}

export function fieldUnit(field: TFormField, locale: Locale): string | undefined {
  return locale === "en" ? (field.unitEn ?? field.unitVi) : field.unitVi;
}

/** Bounds on a repeatable group's items: a required list needs at least one. */
export function itemBounds(field: TFormField): { min: number; max: number } {
  const max = field.maxItems ?? DEFAULT_MAX_ITEMS;
  const min = Math.min(field.minItems ?? (field.required ? 1 : 0), max);
  return { min, max };
}
