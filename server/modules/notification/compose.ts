// One message from a template, a channel, a language and the values of its variables: the
// wording in force (an administrator's, else the default), rendered; an SMS also fitted to the
// gateway (sms-text.ts). Pure.
import type { Locale } from "../../i18n/core";
import { CATALOGUE, defaultWording, type Channel, type TemplateKey, type Wording } from "./catalogue";
import { fitSms } from "./sms-text";
import { renderTemplate, type TemplateVars } from "./templates";

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
