// The e-form schema stored in ProcedureVersion.formSchema (format described in prisma/seed/README.md;
// read back at run time by server/modules/eform/format.ts, which must accept everything here).
// Deliberately small: a list of fields, with `group` as the only nesting, so the citizen portal
// can render it and both sides can validate the submitted formData with the same rules.

type FormFieldType = "text" | "number" | "date" | "select" | "idNumber" | "address" | "group";

interface FormOption {
  value: string;
  labelVi: string;
  labelEn: string;
}

export interface FormField {
  /** Key in formData (camelCase, unique among its siblings). */
  key: string;
  type: FormFieldType;
  labelVi: string;
  labelEn: string;
  /** Default false. For a group: the group's object must be present. */
  required?: boolean;
  /** Help text shown under the field. */
  helpVi?: string;
  helpEn?: string;
  /** text: a multi-line input. */
  multiline?: boolean;
  /** text: maximum length in characters. */
  maxLength?: number;
  /** text and idNumber: a JavaScript regular expression the whole value must match. */
  pattern?: string;
  /** number: bounds, inclusive. */
  min?: number;
  max?: number;
  /** number: unit shown after the input, e.g. "VNĐ". */
  unitVi?: string;
  unitEn?: string;
  /** select: the allowed values. */
  options?: FormOption[];
  /** group: the nested fields (formData holds an object under the group's key). */
  fields?: FormField[];
  /** group: a list of items (formData holds an array of objects), e.g. the members of a research team. */
  repeatable?: boolean;
  /** Repeatable group: bounds on the number of items, inclusive (defaults: 0 or 1 when required, and 50). */
  minItems?: number;
  maxItems?: number;
  /** Shown (and validated) only while the earlier sibling `field` holds `equals` (compared as text). */
  visibleWhen?: { field: string; equals: string | number | boolean };
}

export interface FormSchema {
  /** Format version of this schema language (1). */
  version: 1;
  fields: FormField[];
}

/** 12-digit citizen identity number (CCCD). */
export const ID_NUMBER_PATTERN = "^\\d{12}$";
/** 10- or 13-digit tax code (the 13-digit form is "<10 digits>-<3 digits>"). */
export const TAX_CODE_PATTERN = "^\\d{10}(-\\d{3})?$";
export const PHONE_PATTERN = "^0\\d{9,10}$";

/** Structural check of a schema; throws with the path of the first problem. */
export function assertFormSchema(schema: FormSchema, where: string): void {
  if (schema.version !== 1) throw new Error(`${where}: unknown form schema version`);
  checkFields(schema.fields, where);
}

function checkFields(fields: FormField[], where: string): void {
  const keys = new Set<string>();
  for (const field of fields) {
    const path = `${where}.${field.key}`;
    if (!/^[a-z][A-Za-z0-9]*$/.test(field.key)) throw new Error(`${path}: key must be camelCase`);
    if (keys.has(field.key)) throw new Error(`${path}: duplicate key`);
    keys.add(field.key);
    if (!field.labelVi || !field.labelEn) throw new Error(`${path}: labels required`);
    if (field.type === "select" && !(field.options && field.options.length > 0)) throw new Error(`${path}: select needs options`);
    if (field.type !== "select" && field.options) throw new Error(`${path}: options only on select`);
    if (field.type === "group") {
      if (!field.fields || field.fields.length === 0) throw new Error(`${path}: group needs fields`);
      checkFields(field.fields, path);
    } else if (field.fields) {
      throw new Error(`${path}: fields only on group`);
    }
    if (field.repeatable !== undefined && field.type !== "group") throw new Error(`${path}: repeatable only on group`);
    if ((field.minItems !== undefined || field.maxItems !== undefined) && !field.repeatable) {
      throw new Error(`${path}: minItems/maxItems only on a repeatable group`);
    }
    const min = field.minItems ?? 0;
    const max = field.maxItems ?? 50;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max || max > 200) {
      throw new Error(`${path}: minItems/maxItems must be integers with 0 <= minItems <= maxItems <= 200`);
    }
    if (field.repeatable && field.type !== "group") throw new Error(`${path}: repeatable only on group`);
    if (field.pattern !== undefined) new RegExp(field.pattern);
  }
}
