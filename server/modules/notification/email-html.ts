// The HTML part of a notification e-mail, made from the same text as its plain part: paragraphs,
// links made clickable, and, for a dossier, its code in large text beside a QR image of the
// tracking link (attached inline as cid:QR_CID, so no remote image is fetched). Inline styles
// and a single-column table: what mail clients render alike. Pure.

export const QR_CID = "dossier-qr@motcua";

export interface EmailLayoutInput {
  subject: string;
  text: string;
  lang: "vi" | "en";
  /** The dossier code shown as text and as the QR image's alternative text. */
  code?: string | null;
  /** The main link (tracking, answer form); shown as a button. */
  link?: string | null;
  linkLabel?: string;
  codeLabel?: string;
  /** Whether a QR image is attached under QR_CID. */
  hasQr?: boolean;
  footer?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Escaped text with its URLs as links and its line breaks kept. */
function paragraphHtml(paragraph: string): string {
  let html = "";
  let last = 0;
  for (const match of paragraph.matchAll(URL_PATTERN)) {
    html += escapeHtml(paragraph.slice(last, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}" style="color:#a11d21;word-break:break-all">${url}</a>`;
    last = match.index! + match[0].length;
  }
  html += escapeHtml(paragraph.slice(last));
  return html.replace(/\n/g, "<br>");
}

export function emailHtml(input: EmailLayoutInput): string {
  const paragraphs = input.text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 14px;line-height:1.5">${paragraphHtml(p)}</p>`)
    .join("\n");
  const codeBlock = input.code
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:4px 0 18px;border:1px solid #d6d3d1;border-radius:6px;width:100%"><tr>
<td style="padding:12px 16px;vertical-align:middle">
<div style="font-size:13px;color:#57534e">${escapeHtml(input.codeLabel ?? "")}</div>
<div style="font-size:22px;font-weight:bold;letter-spacing:0.5px;font-family:Consolas,Menlo,monospace">${escapeHtml(input.code)}</div>
</td>${input.hasQr ? `<td style="padding:8px;width:132px;text-align:right"><img src="cid:${QR_CID}" width="120" height="120" alt="${escapeHtml(input.code)}" style="display:block"></td>` : ""}
</tr></table>`
    : "";
  const button = input.link
    ? `<p style="margin:6px 0 18px"><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#a11d21;color:#ffffff;text-decoration:none;font-weight:bold;padding:10px 18px;border-radius:4px">${escapeHtml(input.linkLabel ?? input.link)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f5f4;color:#1c1917;font-family:Arial,Helvetica,sans-serif;font-size:15px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">
<table role="presentation" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid #a11d21">
<tr><td style="padding:20px 24px">
<h1 style="font-size:20px;margin:0 0 16px;color:#7f1d1d">${escapeHtml(input.subject)}</h1>
${codeBlock}
${paragraphs}
${button}
${input.footer ? `<p style="margin:18px 0 0;font-size:12px;color:#57534e">${escapeHtml(input.footer)}</p>` : ""}
</td></tr></table>
</td></tr></table>
</body></html>`;
}
