import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { renderSubmissionReceipt } from "~/server/http/wiring";

export const dynamic = "force-dynamic";

/** The public origin for the slip's QR code: the configured one, else the one the request came in on. */
function baseUrlOf(request: Request): string {
  const configured = process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || process.env.AUTH_URL;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** The owner's PDF: a submission confirmation until received, then form 01. Anyone else: 404. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  const { locale, t } = await getI18n();
  const session = await getSessionUser();
  if (!session) {
    const back = `/dossiers/${encodeURIComponent(code)}/receipt`;
    return new Response(null, { status: 303, headers: { Location: `/sign-in?callbackUrl=${encodeURIComponent(back)}` } });
  }
  const receipt = await renderSubmissionReceipt({ code, viewerUserId: session.id, baseUrl: baseUrlOf(request), locale });
  if (!receipt) return new Response(t("errors.NOT_FOUND"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(receipt.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${receipt.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
