import { getSessionUser } from "~/server/auth";
import { isAppError } from "~/server/errors";
import { getI18n } from "~/server/i18n";
import { uploadFromRequest } from "~/server/http/wiring";
import { fileErrorMessage, isSameOriginRequest, statusOfFileError } from "~/server/modules/files/service";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * POST one file: a citizen's document for a draft, or an officer's scan (unfiled, or on a dossier
 * in scope). Multipart (field `file`) or a raw body with X-File-Name and X- target headers (the
 * browser's progress-reporting path). Answers 201 {id, fileName, sizeBytes, mimeType, ...}, or
 * {error: {code, reason, message}} with 400/401/403/404/409/413/415.
 */
export async function POST(request: Request) {
  const { t, locale } = await getI18n();
  const session = await getSessionUser();
  if (!session) {
    return Response.json({ error: { code: "UNAUTHENTICATED", message: t("errors.UNAUTHENTICATED") } }, { status: 401, headers: NO_STORE });
  }
  if (!isSameOriginRequest(request)) {
    return Response.json({ error: { code: "FORBIDDEN", message: t("errors.FORBIDDEN") } }, { status: 403, headers: NO_STORE });
  }
  try {
    const uploaded = await uploadFromRequest(session.id, request);
    return Response.json(uploaded, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (!isAppError(error)) {
      console.error("[uploads] failed:", error);
      return Response.json({ error: { code: "INTERNAL", message: t("errors.INTERNAL") } }, { status: 500, headers: NO_STORE });
    }
    const reason = typeof error.details?.reason === "string" ? error.details.reason : undefined;
    return Response.json(
      { error: { code: error.code, ...(reason ? { reason } : {}), message: fileErrorMessage(error, t, locale) } },
      { status: statusOfFileError(error), headers: NO_STORE },
    );
  }
}
