/**
 * Isomorphic i18n core: types, locale resolution and message formatting.
 * No JSON is imported here, so client components can use it without shipping both dictionaries.
 */
import type viMessages from "../../messages/vi.json";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
/** Cookie set by POST /api/locale. */
export const LOCALE_COOKIE = "locale";

/** The Vietnamese dictionary is the reference shape; en.json must have exactly the same keys. */
export type Messages = typeof viMessages;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key of the dictionaries, e.g. "status.RECEIVED". */
export type MessageKey = Leaves<Messages>;
export type Namespace = keyof Messages;
export type MessageVars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function resolveLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Reads the locale cookie from a raw Cookie header (fetch requests, the tRPC context). */
export function localeFromCookieHeader(cookieHeader: string | null | undefined): Locale {
  if (!cookieHeader) return DEFAULT_LOCALE;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === LOCALE_COOKIE) {
      return resolveLocale(decodeURIComponent(part.slice(eq + 1).trim()));
    }
  }
  return DEFAULT_LOCALE;
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const segment of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === "string" ? node : undefined;
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|\w+)\s*\{([^{}]*)\}/g;

/**
 * Replaces {name} placeholders; numbers are formatted for the locale (1.234 in vi, 1,234 in en).
 * Also the ICU plural form English needs: "{count, plural, one {# procedure} other {# procedures}}"
 * (`#` is the formatted number; Vietnamese has no plural and just writes "{count} thủ tục").
 */
// Intl objects are costly to build (a page formats dozens of values): one per locale, kept.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function pluralRule(locale: Locale): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) pluralRules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule;
}

export function interpolate(template: string, locale: Locale, vars?: MessageVars): string {
  if (!vars) return template;
  const number = numberFormat(locale);
  return template
    .replace(PLURAL, (whole, name: string, body: string) => {
      const value = vars[name];
      if (typeof value !== "number") return whole;
      const options = new Map([...body.matchAll(PLURAL_OPTION)].map((m) => [m[1]!, m[2]!]));
      const chosen = options.get(`=${value}`) ?? options.get(pluralRule(locale).select(value)) ?? options.get("other");
      return chosen === undefined ? whole : chosen.replace(/#/g, number.format(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? number.format(value) : value;
    });
}

/**
 * A translate function over a (possibly partial) dictionary. A missing key returns the key
 * itself, which is visible in the UI and caught by the key-parity test, rather than throwing.
 */
export function createT(locale: Locale, messages: unknown): TFunction {
  return (key, vars) => {
    const template = lookup(messages, key);
    return template === undefined ? key : interpolate(template, locale, vars);
  };
}

/** A subset of the dictionary (by top-level namespace), for client components. */
export function pickNamespaces<N extends Namespace>(messages: Messages, namespaces: readonly N[]): Pick<Messages, N> {
  const picked = {} as Pick<Messages, N>;
  for (const ns of namespaces) picked[ns] = messages[ns];
  return picked;
}

/** Where an audience's field problems are worded: citizens' forms, or the administration's. */
export type FieldProblemCatalogue = "account.errors" | "admin.fieldErrors";

/**
 * The sentence a user reads for one field problem of `AppError.fieldErrors` (server/errors.ts): a
 * message key as is (the e-form validator's `eform.*`), else the audience's wording of a code, else
 * the generic wording of a validator's issue code (`errors.field.*`), else "not valid".
 */
export function fieldProblemMessage(t: TFunction, problem: string, catalogue: FieldProblemCatalogue = "account.errors"): string {
  for (const key of [problem, `${catalogue}.${problem}`, `errors.field.${problem}`]) {
    const text = t(key as MessageKey);
    if (text !== key) return text;
  }
  return t("errors.field.invalid");
}
