import { getSessionUser } from "~/server/auth";
import { isAppError } from "~/server/errors";
import { handleSupplementAnswerPost } from "~/server/http/wiring";
import { supplementPostLimit } from "~/server/modules/account/supplement-form";
import { BodyTooLargeError, BodyTruncatedError, declaredLength, readCappedFormData } from "~/server/modules/files/body";
import { isSameOriginRequest } from "~/server/modules/files/service";

export const dynamic = "force-dynamic";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The supplement answer's POST (multipart; works without JavaScript). A route handler rather than a
 * Server Action: actions cap bodies at 1 MB and the files ride along. Answers 303 to the dossier
 * page with ?answered=1 or ?error=<CODE> (and the e-form fields in error as fe=name:messageKey).
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  const page = `/me/dossiers/${encodeURIComponent(code)}`;
  const session = await getSessionUser();
  if (!session) return seeOther(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  if (!isSameOriginRequest(request)) return new Response("Forbidden", { status: 403 });
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)) return new Response("Unsupported Media Type", { status: 415 });

  let form: FormData;
  try {
    form = await readCappedFormData(request.body, contentType, supplementPostLimit(), declaredLength(request.headers));
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyTruncatedError) return seeOther(`${page}?error=FILE_TOO_LARGE#answer`);
    throw error;
  }
  try {
    const outcome = await handleSupplementAnswerPost({ ownerId: session.id, code, form });
    if (outcome.ok) return seeOther(`${page}?answered=1`);
    const query = new URLSearchParams({ error: outcome.error });
    if (outcome.fieldErrors) {
      query.set(
        "fe",
        Object.entries(outcome.fieldErrors)
          .slice(0, 30)
          .map(([name, key]) => `${name}:${key}`)
          .join(","),
      );
    }
    return seeOther(`${page}?${query.toString()}#answer`);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return new Response("Not Found", { status: 404 });
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return seeOther(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
    throw error;
  }
}
