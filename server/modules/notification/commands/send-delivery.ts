// sendDelivery: hands one written e-mail or SMS to its provider and records the outcome. Run by
// the send job at least once; it is "exactly once in effect" because (1) a delivery already SENT
// is never sent again, and (2) every attempt carries the same id (the Message-ID
// <delivery-id@…>, the SMS client message id = delivery id), so when a worker dies after the
// provider took the message but before this recorded it, the retry is recognised at the far end
// and not delivered twice.
import QRCode from "qrcode";
import type { Db } from "../../../db";
import { getEmailProvider, type EmailProvider } from "../../../integrations/email";
import { getSmsProvider, type SmsProvider } from "../../../integrations/sms";
import { resolveLocale } from "../../../i18n/core";
import { translatorFor } from "../compose";
import { emailHtml, QR_CID } from "../email-html";
import { unsealSecretLink } from "../sealed-link";

export interface SendDeliveryOptions {
  /** When this attempt fails the delivery is given up (DEAD): the job goes to the dead letters. */
  lastAttempt?: boolean;
  email?: EmailProvider | null;
  sms?: SmsProvider | null;
}

/** The Message-ID domain (MAIL_MESSAGE_ID_DOMAIN, else the sender's domain). */
function messageIdDomain(): string {
  const configured = process.env.MAIL_MESSAGE_ID_DOMAIN;
  if (configured) return configured;
  const from = process.env.MAIL_FROM ?? "";
  return /@([^>\s]+)/.exec(from)?.[1] ?? "motcua.local";
}

export function deliveryMessageId(deliveryId: string): string {
  return `${deliveryId}@${messageIdDomain()}`;
}

interface DeliveryData {
  code?: string;
  linkLabel?: string;
  /** A link that must not sit in the database in clear (password reset), sealed with the auth secret. */
  sealedLink?: string;
}

export async function sendDelivery(db: Db, input: { deliveryId: string }, options: SendDeliveryOptions = {}): Promise<void> {
  const d = await db.notificationDelivery.findUnique({
    where: { id: input.deliveryId },
    select: { id: true, channel: true, status: true, address: true, subject: true, body: true, link: true, data: true, locale: true, template: true },
  });
  if (!d || d.status === "SENT" || d.channel === "IN_APP") return;
  const data = (d.data ?? {}) as DeliveryData;
  try {
    if (!d.address) throw new Error(`delivery ${d.id} has no address`);
    let providerMessageId: string;
    if (d.channel === "EMAIL") {
      const provider = options.email !== undefined ? options.email : getEmailProvider();
      if (!provider) throw new Error("no SMTP server is configured (SMTP_URL or SMTP_HOST)");
      const secretLink = data.sealedLink ? unsealSecretLink(data.sealedLink) : null;
      const text = secretLink ? d.body.replaceAll("{{link}}", secretLink) : d.body;
      const link = secretLink ?? d.link;
      const locale = resolveLocale(d.locale);
      const t = await translatorFor(locale);
      // Low error correction at 4 px per module (about 140 px): read from a screen, it scans at once,
      // and it costs a tenth of a medium-correction image scaled to 240 px.
      const qr = data.code && d.link ? await QRCode.toBuffer(d.link, { errorCorrectionLevel: "L", margin: 2, scale: 4 }) : null;
      const html = emailHtml({
        subject: d.subject ?? "",
        text,
        lang: locale,
        code: data.code ?? null,
        codeLabel: t("notifications.email.codeLabel"),
        link,
        linkLabel: data.linkLabel ?? t("notifications.email.open"),
        hasQr: qr !== null,
        footer: t("notifications.email.footer"),
      });
      const sent = await provider.send({
        messageId: deliveryMessageId(d.id),
        to: d.address,
        subject: d.subject ?? "",
        text,
        html,
        headers: { "X-Motcua-Delivery": d.id, "X-Motcua-Template": d.template },
        attachments: qr ? [{ filename: "qr.png", content: qr, contentType: "image/png", cid: QR_CID }] : [],
      });
      providerMessageId = sent.providerMessageId;
    } else {
      const provider = options.sms !== undefined ? options.sms : getSmsProvider();
      if (!provider) throw new Error("no SMS gateway is configured (SMS_GATEWAY_URL)");
      const sent = await provider.send({ clientMessageId: d.id, phone: d.address, text: d.body });
      providerMessageId = sent.providerMessageId;
    }
    // The sealed link has done its work: it does not stay in the row.
    const { sealedLink, ...kept } = data;
    await db.notificationDelivery.update({
      where: { id: d.id },
      data: { status: "SENT", sentAt: new Date(), providerMessageId, attempts: { increment: 1 }, lastError: null, ...(sealedLink ? { data: { ...kept } } : {}) },
      select: { id: true },
    });
  } catch (error) {
    await db.notificationDelivery.update({
      where: { id: d.id },
      data: { status: options.lastAttempt ? "DEAD" : "FAILED", attempts: { increment: 1 }, lastError: (error as Error).message.slice(0, 1000) },
      select: { id: true },
    });
    throw error;
  }
}
