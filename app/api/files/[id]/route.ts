import { getSessionUser } from "~/server/auth";
import { isAppError } from "~/server/errors";
import { getI18n } from "~/server/i18n";
import { isSniffedType } from "~/server/modules/files/sniff";
import { deleteDraftAttachmentFor, openAttachmentFor } from "~/server/http/wiring";
import { isSameOriginRequest, statusOfFileError } from "~/server/modules/files/service";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Vietnamese file names survive). */
function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A stored file, for whoever may see it (the draft's or dossier's owner, an officer in scope).
 * Only PDF, JPEG and PNG (checked at upload) are served inline with their type; anything else
 * would go out as a download. Never as HTML: nosniff, and images are sandboxed.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id } = await params;
  const { t } = await getI18n();
  const session = await getSessionUser();
  if (!session) return new Response(t("errors.UNAUTHENTICATED"), { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const file = await openAttachmentFor(session.id, id);
    const inline = isSniffedType(file.mimeType);
    const headers: Record<string, string> = {
      "Content-Type": inline ? file.mimeType : "application/octet-stream",
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
      "Content-Length": String(file.sizeBytes),
      "X-Content-Type-Options": "nosniff",
      // Personal documents: never in a shared cache.
      "Cache-Control": "private, no-store",
    };
    // Chrome's PDF viewer does not run in a sandboxed document; images do not need anything.
    if (file.mimeType !== "application/pdf") headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
    return new Response(file.body, { headers });
  } catch (error) {
    if (isAppError(error)) {
      return new Response(t(`errors.${error.code}`), { status: statusOfFileError(error), headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    console.error("[files] download failed:", error);
    return new Response(t("errors.INTERNAL"), { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

/** A citizen removes a file from their draft (filed files stay with the dossier). */
export async function DELETE(request: Request, { params }: Params) {
  const { id } = await params;
  const { t } = await getI18n();
  const session = await getSessionUser();
  if (!session) return Response.json({ error: { code: "UNAUTHENTICATED", message: t("errors.UNAUTHENTICATED") } }, { status: 401 });
  if (!isSameOriginRequest(request)) return Response.json({ error: { code: "FORBIDDEN", message: t("errors.FORBIDDEN") } }, { status: 403 });
  try {
    await deleteDraftAttachmentFor(session.id, id);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code, message: t(`errors.${error.code}`) } }, { status: statusOfFileError(error) });
    throw error;
  }
}
