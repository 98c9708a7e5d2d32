// The e-mail provider of this process, from the environment (see smtp.ts for the settings).
import type { EmailProvider } from "./provider";
import { createSmtpProvider, smtpSettingsFromEnv } from "./smtp";

export type { EmailAttachment, EmailMessage, EmailProvider, EmailSent } from "./provider";
export { EmailSendError } from "./provider";

const globalForEmail = globalThis as unknown as { motcuaEmail?: { key: string; provider: EmailProvider | null } };

/** The configured provider (one pooled transport per process), or null when no SMTP server is set. */
export function getEmailProvider(env: NodeJS.ProcessEnv = process.env): EmailProvider | null {
  const settings = smtpSettingsFromEnv(env);
  const key = JSON.stringify(settings);
  if (globalForEmail.motcuaEmail?.key !== key) {
    void globalForEmail.motcuaEmail?.provider?.close();
    globalForEmail.motcuaEmail = { key, provider: settings ? createSmtpProvider(settings) : null };
  }
  return globalForEmail.motcuaEmail.provider;
}
