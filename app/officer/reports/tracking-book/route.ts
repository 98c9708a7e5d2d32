// Form 07, the dossier tracking book, for a period: ?from=YYYY-MM-DD&to=YYYY-MM-DD[&agencyId=...]
// (Vietnam calendar days, both included). Without agencyId: every agency the officer reads.
import { getSessionUser } from "~/server/auth";
import { isAppError } from "~/server/errors";
import { getI18n } from "~/server/i18n";
import { renderTrackingBookForm } from "~/server/http/wiring";
import { endOfVietnamDay, startOfVietnamDay } from "../../_lib/format";
import { errorResponse, pdfResponse, textResponse } from "../../_lib/pdf-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A book longer than a year is a report, not a book; it would also be slow to render. */
const MAX_DAYS = 366;

export async function GET(request: Request) {
  const { locale, t } = await getI18n();
  const session = await getSessionUser();
  if (!session) return textResponse(401, t("errors.UNAUTHENTICATED"));
  const url = new URL(request.url);
  const from = startOfVietnamDay(url.searchParams.get("from"));
  const to = endOfVietnamDay(url.searchParams.get("to"));
  if (!from || !to || from.getTime() >= to.getTime()) return textResponse(400, t("officer.trackingBook.badRange"));
  if (to.getTime() - from.getTime() > MAX_DAYS * 24 * 3600 * 1000) return textResponse(400, t("officer.trackingBook.rangeTooLong", { days: MAX_DAYS }));
  const agencyId = url.searchParams.get("agencyId") || undefined;
  try {
    const rendered = await renderTrackingBookForm({ actorUserId: session.id, from, to, locale, ...(agencyId ? { agencyId } : {}) });
    return pdfResponse(rendered.bytes, rendered.fileName);
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "TOO_MANY_ROWS") {
      return textResponse(400, t("officer.trackingBook.tooManyRows", { max: Number(error.details.max) }));
    }
    return errorResponse(error, t);
  }
}
