import { getSessionUser } from "~/server/auth";
import { isAppError } from "~/server/errors";
import { BodyTooLargeError, BodyTruncatedError, declaredLength, readCappedFormData } from "~/server/modules/files/body";
import { isSameOriginRequest } from "~/server/modules/files/service";
import { handleSubmissionPost, submissionPostLimit } from "~/server/http/wiring";
import { locationOf } from "~/server/modules/submission/form-post";

export const dynamic = "force-dynamic";

function seeOther(location: string): Response {
  // A relative Location keeps the browser on the host and port it used.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The submission form's POST (multipart, works without JavaScript): saves the draft, stores chosen
 * files, adds/removes rows and files, or submits; then 303 to the page or the confirmation. A
 * route handler rather than a Server Action: actions cap bodies at 1 MB, and files ride along here.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const page = `/procedures/${encodeURIComponent(code)}/submit`;
  const session = await getSessionUser();
  if (!session) return seeOther(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  if (!isSameOriginRequest(request)) return new Response("Forbidden", { status: 403 });

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType)) return new Response("Unsupported Media Type", { status: 415 });
  let form: FormData;
  try {
    form = await readCappedFormData(request.body, contentType, await submissionPostLimit(code), declaredLength(request.headers));
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyTruncatedError) return seeOther(`${page}?notice=tooLarge`);
    throw error;
  }
  try {
    const outcome = await handleSubmissionPost({ ownerId: session.id, procedureCode: code, form });
    return seeOther(locationOf(code, outcome));
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED")) {
      return error.code === "NOT_FOUND" ? new Response("Not Found", { status: 404 }) : seeOther(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
    }
    throw error;
  }
}
