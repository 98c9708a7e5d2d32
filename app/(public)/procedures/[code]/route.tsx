// GET /procedures/<code>: a procedure's page as a plain-HTML page (app/_plain-html) for signed-out
// visitors; next.config.js rewrites signed-in visitors, kiosks and the client router to the React
// page (./detail/page.tsx).
import { plainPageResponse } from "~/app/_plain-html/render";
import { PlainLink } from "~/app/_components/plain-link";
import { getT } from "~/server/i18n";
import { localeFromCookieHeader } from "~/server/i18n/core";
import { loadProcedure } from "./procedure-data";
import { ProcedureView } from "./procedure-view";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  const t = getT(locale);
  let code = (await params).code;
  try {
    code = decodeURIComponent(code);
  } catch {
    // A malformed escape: looked up as is (and not found).
  }
  const procedure = await loadProcedure(code);
  if (!procedure) {
    // As app/not-found.tsx renders it.
    return plainPageResponse({
      locale,
      t,
      title: t("catalogue.notFoundTitle"),
      status: 404,
      body: (
        <div className="mx-auto max-w-2xl px-4 py-16">
          <h1 className="text-3xl text-brand-800">{t("errors.notFoundTitle")}</h1>
          <p className="mt-3 text-lg">{t("errors.notFoundLead")}</p>
          <p className="mt-6">
            <PlainLink href="/">{t("common.backHome")}</PlainLink>
          </p>
        </div>
      ),
    });
  }
  return plainPageResponse({ locale, t, title: procedure.name, body: <ProcedureView procedure={procedure} locale={locale} t={t} plain /> });
}
