import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getI18n } from "~/server/i18n";
import type { ReceivedMail } from "~/scripts/simulators/smtp";
import type { ReceivedSms } from "~/scripts/simulators/sms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dev mail", robots: { index: false } };

async function read<T>(base: string | undefined, path: string): Promise<T[] | null> {
  if (!base) return null;
  try {
    const response = await fetch(`${base}${path}`, { cache: "no-store", signal: AbortSignal.timeout(3000) });
    return response.ok ? ((await response.json()) as T[]) : null;
  } catch {
    return null;
  }
}

/**
 * What the local SMTP and SMS stand-ins received (scripts/simulators). Only where they run: npm start
 * and the e2e setup set DEV_MAIL_URL / DEV_SMS_URL when they start them (never in production, where
 * they are not started); without them this page does not exist.
 */
export default async function DevMailPage() {
  const mailUrl = process.env.DEV_MAIL_URL;
  const smsUrl = process.env.DEV_SMS_URL;
  if (!mailUrl && !smsUrl) notFound();
  const { t } = await getI18n();
  const [mails, sms] = await Promise.all([read<ReceivedMail>(mailUrl, "/messages"), read<ReceivedSms>(smsUrl, "/messages")]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl text-brand-800">{t("devMail.title")}</h1>
      <p className="mt-1 text-ink-600">{t("devMail.lead")}</p>

      <h2 className="mt-8 text-2xl text-brand-800">{t("devMail.emails", { count: mails?.length ?? 0 })}</h2>
      {mails === null && <p className="mt-2">{t("devMail.unavailable")}</p>}
      <ul className="mt-3 space-y-4" data-testid="dev-mails">
        {mails?.map((m) => (
          <li key={m.messageId} className="card" data-testid="dev-mail">
            <details>
              <summary className="cursor-pointer">
                <strong>{m.subject}</strong> — {m.to.join(", ")} <span className="text-sm text-ink-600">({m.receivedAt})</span>
              </summary>
              <p className="mt-2 font-mono text-xs text-ink-600">Message-ID: {m.messageId} · queued as {m.queueId}</p>
              <pre className="mt-2 whitespace-pre-wrap break-words text-sm" data-testid="dev-mail-text">{m.text}</pre>
              {m.html && <iframe title={m.subject} srcDoc={m.html} sandbox="" className="mt-3 h-[32rem] w-full rounded border border-line bg-white" />}
            </details>
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-2xl text-brand-800">{t("devMail.sms", { count: sms?.length ?? 0 })}</h2>
      {sms === null && <p className="mt-2">{t("devMail.unavailable")}</p>}
      <ul className="mt-3 space-y-3" data-testid="dev-sms">
        {sms?.map((s) => (
          <li key={s.clientMessageId} className="card" data-testid="dev-sms-item">
            <p>
              <strong>{s.phone}</strong> · {s.brandname} · <span className="text-sm text-ink-600">{s.receivedAt}</span> · {t("devMail.segments", { count: s.segments })}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words font-mono text-sm">{s.message}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
