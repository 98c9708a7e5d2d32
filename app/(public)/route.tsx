// GET /: the home page as a plain-HTML page (app/_plain-html) for signed-out visitors; next.config.js
// rewrites signed-in visitors, kiosks and the client router to the React page (./home/page.tsx).
import { plainPageResponse } from "~/app/_plain-html/render";
import { getT } from "~/server/i18n";
import { localeFromCookieHeader } from "~/server/i18n/core";
import { loadHomeSectors } from "./_portal/home-data";
import { HomeView } from "./_portal/home-view";
import { PLAIN_LOOKUP_URL } from "./_portal/tracking-page";

export async function GET(request: Request): Promise<Response> {
  const locale = localeFromCookieHeader(request.headers.get("cookie"));
  const t = getT(locale);
  return plainPageResponse({
    locale,
    t,
    title: t("common.appName"),
    siteTitle: false,
    body: <HomeView sectors={await loadHomeSectors()} locale={locale} t={t} trackAction={PLAIN_LOOKUP_URL} />,
  });
}
