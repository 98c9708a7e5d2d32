// What the local SMTP and SMS stand-ins received (started by the e2e setup; DEV_MAIL_URL / DEV_SMS_URL).
import { expect } from "@playwright/test";
import type { ReceivedSms } from "../../scripts/simulators/sms";
import type { ReceivedMail } from "../../scripts/simulators/smtp";

async function list<T>(variable: "DEV_MAIL_URL" | "DEV_SMS_URL"): Promise<T[]> {
  const base = process.env[variable];
  if (!base) throw new Error(`${variable} is not set: the e2e setup starts the stand-ins`);
  const response = await fetch(`${base}/messages`);
  return (await response.json()) as T[];
}

/** Waits for the e-mail to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp | string, timeoutMs = 30_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await list<ReceivedMail>("DEV_MAIL_URL")).find((m) => m.to.includes(to) && (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject)));
        return found !== undefined;
      },
      { timeout: timeoutMs, message: `an e-mail to ${to} about ${String(subject)}` },
    )
    .toBe(true);
  return found!;
}

export async function mailsTo(to: string): Promise<ReceivedMail[]> {
  return (await list<ReceivedMail>("DEV_MAIL_URL")).filter((m) => m.to.includes(to));
}

/** Waits for the SMS to the phone (any national or 84… form) whose text matches. */
export async function waitForSms(phone: string, text: RegExp, timeoutMs = 30_000): Promise<ReceivedSms> {
  const gateway = `84${phone.replace(/^0|^\+?84/, "")}`;
  let found: ReceivedSms | undefined;
  await expect
    .poll(
      async () => {
        found = (await list<ReceivedSms>("DEV_SMS_URL")).find((s) => s.phone === gateway && text.test(s.message));
        return found !== undefined;
      },
      { timeout: timeoutMs, message: `an SMS to ${gateway} matching ${String(text)}` },
    )
    .toBe(true);
  return found!;
}

/** The first link in a text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}
