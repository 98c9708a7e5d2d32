import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, resolveLocale } from "~/server/i18n/core";

/** A path on this site, never an absolute or protocol-relative URL (no open redirect). */
function localPath(value: string | undefined): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}

/** The page the switch was clicked on, from the Referer, when it is this same host. */
function refererPath(req: NextRequest): string | null {
  const referer = req.headers.get("referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    return url.host === host ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

/**
 * The language switch: a plain form POST (works without JavaScript) that sets the `locale`
 * cookie and sends the browser back where it was (a `returnTo` field, else the Referer).
 */
export async function POST(req: NextRequest) {
  const form = await req.formData().catch(() => null);
  const locale = resolveLocale(form?.get("locale")?.toString());
  const target = localPath(form?.get("returnTo")?.toString()) ?? refererPath(req) ?? "/";

  // A relative Location keeps the browser on the host and port it used.
  const response = new NextResponse(null, { status: 303, headers: { Location: target } });
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return response;
}
