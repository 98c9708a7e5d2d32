// E-mail over SMTP with nodemailer: one pooled transport per process.
import nodemailer, { type Transporter } from "nodemailer";
import { EmailSendError, type EmailMessage, type EmailProvider, type EmailSent } from "./provider";

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Fail a send that has not finished within this time (the job is then retried). */
  timeoutMs: number;
  /** Connections kept open to the server. */
  maxConnections: number;
  /** Accept a self-signed certificate (a test relay). */
  allowInvalidCertificates: boolean;
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * SMTP_URL (smtp://user:password@host:port, smtps:// for TLS on connect) or SMTP_HOST, SMTP_PORT,
 * SMTP_SECURE, SMTP_USER, SMTP_PASSWORD; MAIL_FROM the sender. null when nothing is configured.
 */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const from = env.MAIL_FROM || "Hệ thống Một cửa <no-reply@motcua.local>";
  const common = {
    from,
    timeoutMs: intOr(env.SMTP_TIMEOUT_MS, 20_000),
    maxConnections: intOr(env.SMTP_MAX_CONNECTIONS, 5),
    allowInvalidCertificates: env.SMTP_ALLOW_INVALID_CERTIFICATES === "1",
  };
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const secure = url.protocol === "smtps:";
    return {
      ...common,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      user: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
    };
  }
  if (!env.SMTP_HOST) return null;
  const secure = env.SMTP_SECURE === "1" || env.SMTP_SECURE === "true";
  return {
    ...common,
    host: env.SMTP_HOST,
    port: intOr(env.SMTP_PORT, secure ? 465 : 587),
    secure,
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
  };
}

/** "250 2.0.0 Ok: queued as 4F1A2B" → "4F1A2B". */
export function queuedIdOf(response: string | undefined): string | null {
  const match = response ? /queued as\s+<?([^\s>]+)>?/i.exec(response) : null;
  return match ? match[1]! : null;
}

export function createSmtpProvider(settings: SmtpSettings): EmailProvider {
  const transport: Transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    pool: true,
    maxConnections: settings.maxConnections,
    connectionTimeout: Math.min(settings.timeoutMs, 10_000),
    greetingTimeout: Math.min(settings.timeoutMs, 10_000),
    socketTimeout: settings.timeoutMs,
    tls: settings.allowInvalidCertificates ? { rejectUnauthorized: false } : undefined,
  });
  return {
    name: `smtp://${settings.host}:${settings.port}`,
    async send(message: EmailMessage): Promise<EmailSent> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.messageId}>`,
          headers: message.headers,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid })),
        });
        if (info.rejected.length > 0) throw new EmailSendError(`SMTP server rejected ${info.rejected.join(", ")}`, true);
        return { providerMessageId: queuedIdOf(info.response) ?? message.messageId };
      } catch (error) {
        if (error instanceof EmailSendError) throw error;
        const code = (error as { responseCode?: number }).responseCode;
        throw new EmailSendError(`SMTP send failed: ${(error as Error).message}`, typeof code === "number" && code >= 500, { cause: error });
      }
    },
    async close() {
      transport.close();
    },
  };
}
