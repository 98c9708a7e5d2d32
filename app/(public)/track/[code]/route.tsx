// GET /track/<code>: the public view as a plain-HTML page (app/_plain-html), for a signed-out
// visitor without a grant. next.config.js rewrites the rest (the owner, grant holders, kiosks, error
// redirects, the client router) to the React page, ./detail/page.tsx: same rate limit, same view,
// same components.
import { PlainPublicTracking, TrackingNotShown } from "~/app/(public)/_portal/tracking-page";
import { plainPageResponse } from "~/app/_plain-html/render";
import { AppError } from "~/server/errors";
import { getT } from "~/server/i18n";
import { localeFromCookieHeader } from "~/server/i18n/core";
import { trackPublicly } from "~/server/http/wiring";
import { clientKeyFrom } from "~/server/modules/tracking/rate-limit";

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const code = decoded((await params).code);
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  const t = getT(locale);
  const frame = (body: React.ReactElement) => <div className="mx-auto max-w-4xl px-4 py-8">{body}</div>;
  try {
    const view = await trackPublicly({ code, clientKey: clientKeyFrom(request.headers) });
    return plainPageResponse({
      locale,
      t,
      title: t("track.resultTitle", { code: view.code }),
      noIndex: true,
      body: frame(<PlainPublicTracking view={view} t={t} locale={locale} />),
    });
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== "NOT_FOUND" && error.code !== "RATE_LIMITED")) throw error;
    const seconds = Number(error.details?.retryAfterSeconds ?? 60);
    const failure = error.code === "NOT_FOUND" ? ({ error: "notFound" } as const) : ({ error: "rateLimited", seconds } as const);
    return plainPageResponse({
      locale,
      t,
      title: t("track.resultTitle", { code: code.toUpperCase() }),
      noIndex: true,
      body: frame(<TrackingNotShown code={code} base="/track" t={t} failure={failure} plain />),
      status: error.code === "NOT_FOUND" ? 404 : 429,
      headers: error.code === "RATE_LIMITED" ? { "Retry-After": String(seconds) } : {},
    });
  }
}
