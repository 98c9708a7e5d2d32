// From a posted HTML form (or a stored draft) to the nested values the validator reads, following
// the schema: only the schema's fields are taken, so a post cannot add keys of its own.
// Input names: `${prefix}.${path}`, e.g. "f.organisation.name", "f.members.0.fullName",
// "f.site.province". Isomorphic: FormData exists in browsers and in Node.
import type { TFormField, TFormSchema } from "./format";

/** Longest raw value kept in a draft (validation applies each field's own maxLength at submission). */
export const RAW_VALUE_MAX = 20_000;
/** Most rows of a repeatable group a post may carry. */
const RAW_ITEMS_MAX = 200;

export const ADDRESS_PARTS = ["province", "commune", "street"] as const;

/** The name of a field's input (or the prefix of its parts, for address and group). */
export function inputName(prefix: string, path: readonly (string | number)[]): string {
  return [prefix, ...path].join(".");
}

/** A DOM-safe id for an input name (dots are legal in ids but awkward in CSS selectors). */
export function inputId(name: string): string {
  return `in-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

interface Source {
  get(name: string): string | undefined;
  indices(name: string): number[];
}

function clip(value: string): string {
  return value.length > RAW_VALUE_MAX ? value.slice(0, RAW_VALUE_MAX) : value;
}

function collect(fields: readonly TFormField[], source: Source, base: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const name = `${base}.${field.key}`;
    if (field.type === "group") {
      if (field.repeatable) {
        out[field.key] = source
          .indices(name)
          .slice(0, RAW_ITEMS_MAX)
          .map((i) => collect(field.fields ?? [], source, `${name}.${i}`));
      } else {
        out[field.key] = collect(field.fields ?? [], source, name);
      }
    } else if (field.type === "address") {
      const parts: Record<string, string> = {};
      for (const part of ADDRESS_PARTS) {
        const value = source.get(`${name}.${part}`);
        if (value !== undefined) parts[part] = clip(value);
      }
      out[field.key] = parts;
    } else {
      const value = source.get(name);
      if (value !== undefined) out[field.key] = clip(value);
    }
  }
  return out;
}

export interface FormDataLike {
  get(name: string): FormDataEntryValue | null;
  keys(): Iterable<string>;
}

/** The raw values of a schema's fields from a form post (strings only; files are not values). */
export function valuesFromFormData(form: FormDataLike, schema: Pick<TFormSchema, "fields">, prefix: string): Record<string, unknown> {
  const keys = [...form.keys()];
  return collect(schema.fields, {
    get(name) {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    },
    indices(name) {
      const found = new Set<number>();
      const start = `${name}.`;
      for (const key of keys) {
        if (!key.startsWith(start)) continue;
        const m = /^(\d{1,4})\./.exec(key.slice(start.length));
        if (m) found.add(Number(m[1]));
      }
      return [...found].sort((a, b) => a - b);
    },
  }, prefix);
}

function at(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The raw values of a schema's fields from a JSON value (a draft saved by an API client). */
export function knownValues(raw: unknown, schema: Pick<TFormSchema, "fields">): Record<string, unknown> {
  const root = { r: raw };
  return collect(schema.fields, {
    get(name) {
      const value = at(root, name);
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      return undefined;
    },
    indices(name) {
      const value = at(root, name);
      return Array.isArray(value) ? value.map((_, i) => i) : [];
    },
  }, "r");
}

/** A raw value at a dotted path of nested values, as a string for an input's value. */
export function rawValueAt(values: unknown, path: readonly (string | number)[]): string {
  let node = values;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[String(segment)];
  }
  if (typeof node === "string") return node;
  if (typeof node === "number" && Number.isFinite(node)) return String(node);
  return "";
}

/** How many rows a repeatable group holds in these values. */
export function itemCount(values: unknown, path: readonly (string | number)[]): number {
  let node = values;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return 0;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return Array.isArray(node) ? node.length : 0;
}

function listAt(values: Record<string, unknown>, path: readonly string[]): unknown[] | null {
  let node: unknown = values;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<string, unknown>)[segment];
  }
  if (node === null || typeof node !== "object") return null;
  const parent = node as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (!Array.isArray(parent[last])) parent[last] = [];
  return parent[last] as unknown[];
}

/** Adds an empty row to the repeatable group at `path` (a copy; the input is left alone). */
export function withItemAdded(values: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(values);
  const list = listAt(copy, path);
  if (list && list.length < RAW_ITEMS_MAX) list.push({});
  return copy;
}

/** Removes row `index` of the repeatable group at `path` (a copy). */
export function withItemRemoved(values: Record<string, unknown>, path: readonly string[], index: number): Record<string, unknown> {
  const copy = structuredClone(values);
  const list = listAt(copy, path);
  if (list && index >= 0 && index < list.length) list.splice(index, 1);
  return copy;
}
