// One message from a template, a channel, a language and the values of its variables: the
// wording in force (an administrator's, else the default), rendered; an SMS also fitted to the
// gateway (sms-text.ts). Pure.
import type { Locale, TFunction } from "../../i18n/core";
import { CATALOGUE, defaultWording, type Channel, type TemplateKey, type Wording } from "./catalogue";
import { fitSms } from "./sms-text";
import { checkTemplate, renderTemplate, type TemplateVars } from "./templates";

export interface SmsRules {
  plainText: boolean;
  maxSegments: number;
}

export interface ComposedMessage {
  subject: string | null;
  body: string;
}

/** Administrators' wordings by "template|channel|locale". */
export type WordingOverrides = ReadonlyMap<string, Wording>;

export function wordingKey(template: string, channel: Channel, locale: Locale): string {
  return `${template}|${channel}|${locale}`;
}

export function wordingInForce(overrides: WordingOverrides, template: TemplateKey, channel: Channel, locale: Locale): Wording | null {
  return overrides.get(wordingKey(template, channel, locale)) ?? defaultWording(template, channel, locale);
}

export function composeMessage(
  input: { template: TemplateKey; channel: Channel; locale: Locale; vars: TemplateVars },
  overrides: WordingOverrides,
  sms: SmsRules,
): ComposedMessage | null {
  const wording = wordingInForce(overrides, input.template, input.channel, input.locale);
  if (!wording) return null;
  if (input.channel === "SMS") {
    const fitted = fitSms(wording.body, input.vars, { plainText: sms.plainText, maxSegments: sms.maxSegments, shrinkable: CATALOGUE[input.template].shrinkable });
    return { subject: null, body: fitted.text };
  }
  return {
    subject: wording.subject ? renderTemplate(wording.subject, input.vars).replace(/\s+/g, " ").trim() : null,
    body: renderTemplate(wording.body, input.vars).replace(/\n{3,}/g, "\n\n").trim(),
  };
}

/** A wording as it would be saved (trimmed, no subject on SMS) and the problem of each field. */
export function checkWording(input: { template: TemplateKey; channel: Channel; subject?: string | null; body: string }) {
  const spec = CATALOGUE[input.template];
  const subject = input.channel === "SMS" ? null : (input.subject ?? "").trim() || null;
  const body = input.body.replace(/\r\n/g, "\n").trim();
  const fieldErrors: Record<string, string> = {};
  const bodyCheck = checkTemplate(body, spec.variables);
  if (bodyCheck.problem) fieldErrors.body = bodyCheck.problem;
  if (input.channel === "EMAIL" && !subject) fieldErrors.subject = "EMPTY";
  if (subject) {
    const subjectCheck = checkTemplate(subject, spec.variables);
    if (subjectCheck.problem) fieldErrors.subject = subjectCheck.problem;
  }
  return { subject, body, fieldErrors };
}

/**
 * The translate function of a language, loaded when a message is composed. Loaded lazily: the
 * dossier commands import the dispatcher (as a dossier-event subscriber), and test runners that
 * import those commands without a JSON loader (Playwright's) must not load the dictionaries.
 */
export async function translatorFor(locale: Locale): Promise<TFunction> {
  const { getT } = await import("../../i18n/messages");
  return getT(locale);
}
