// The standard forms of one dossier as PDFs (01 receipt slip ... 06 control sheet), inline.
// Scope: the same as the dossier page (renderDossierForm reads the dossier through its detail query).
import { getSessionUser } from "~/server/auth";
import { getI18n } from "~/server/i18n";
import { renderDossierForm } from "~/server/http/wiring";
import { isDossierFormNumber } from "~/server/modules/standard-forms/dossier-forms";
import { errorResponse, pdfResponse, requestOrigin, textResponse } from "../../../../_lib/pdf-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; form: string }> }) {
  const { id, form } = await params;
  const { locale, t } = await getI18n();
  const session = await getSessionUser();
  if (!session) return textResponse(401, t("errors.UNAUTHENTICATED"));
  // "01" and "mau-01" both name form 01.
  const number = form.replace(/^mau-/, "");
  if (!isDossierFormNumber(number)) return textResponse(404, t("officer.forms.unknownForm"));
  try {
    const rendered = await renderDossierForm({
      actorUserId: session.id,
      dossierId: id,
      form: number,
      locale,
      baseUrl: requestOrigin(request),
    });
    if (!rendered) return textResponse(404, t("officer.forms.notApplicable", { form: number }));
    return pdfResponse(rendered.bytes, rendered.fileName);
  } catch (error) {
    return errorResponse(error, t);
  }
}
