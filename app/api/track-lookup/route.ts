// POST /api/track-lookup: the tracking forms of the plain-HTML pages (app/_plain-html): the home
// page's look-up (code and ID number) and a dossier page's ID-number form. The same check as the
// React pages' Server Action (app/(public)/track/lookup.ts), answered with a 303 to the full view
// (with the grant cookie), the public page, or back with an error code.
import { NextResponse } from "next/server";
import { TRACK_GRANT_COOKIE } from "~/server/modules/tracking/grant";
import { grantCookieOptions, lookUpTracking } from "~/app/(public)/track/lookup";

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => new FormData());
  const outcome = await lookUpTracking(form);
  // A relative Location keeps the browser on the host and port it used.
  const response = new NextResponse(null, { status: 303, headers: { Location: outcome.location } });
  if (outcome.grant) response.cookies.set(TRACK_GRANT_COOKIE, outcome.grant, grantCookieOptions());
  return response;
}
