// The template language of notifications: plain text with {{variable}} placeholders, nothing
// else (no logic, no HTML), so an administrator can edit it safely and the same text serves the
// e-mail (turned into HTML by email-html.ts), the SMS and the in-app list. Isomorphic: the
// administration's live preview renders with these same functions in the browser.

/** A placeholder: {{name}}, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export type TemplateVars = Readonly<Record<string, string>>;

/** The text with every placeholder replaced by its value (a variable without a value becomes ""). */
export function renderTemplate(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => (Object.hasOwn(vars, name) ? vars[name]! : ""));
}

/** The variable names a text uses, in order of first use. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export type TemplateProblem = "UNKNOWN_VARIABLE" | "UNCLOSED_PLACEHOLDER" | "EMPTY";

export interface TemplateCheck {
  problem: TemplateProblem | null;
  /** The unknown names, or the malformed fragment. */
  offending: string[];
}

/**
 * Whether `text` may be saved for a template that offers `allowed` variables: not empty, every
 * placeholder well-formed and known. A stray "{{" or "}}" left after removing the valid
 * placeholders is a malformed one (a typo such as "{{code}" would otherwise go out as is).
 */
export function checkTemplate(text: string, allowed: readonly string[]): TemplateCheck {
  if (text.trim() === "") return { problem: "EMPTY", offending: [] };
  const rest = text.replace(PLACEHOLDER, "");
  const malformed = rest.match(/\{\{[^}]*\}{0,2}|\}\}/g);
  if (malformed) return { problem: "UNCLOSED_PLACEHOLDER", offending: malformed.map((m) => m.slice(0, 40)) };
  const unknown = templateVariables(text).filter((name) => !allowed.includes(name));
  return unknown.length > 0 ? { problem: "UNKNOWN_VARIABLE", offending: unknown } : { problem: null, offending: [] };
}
