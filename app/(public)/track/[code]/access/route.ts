// POST /track/<code>/access: the ID-number form of the plain-HTML tracking page (public/route.tsx).
// The same check as the React page's Server Action (../../lookup.ts), answered with a 303 to the
// full view (with the grant cookie) or back to the page with an error code.
import { NextResponse } from "next/server";
import { TRACK_GRANT_COOKIE } from "~/server/modules/tracking/grant";
import { grantCookieOptions, lookUpTracking } from "../../lookup";

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => new FormData());
  const outcome = await lookUpTracking(form);
  // A relative Location keeps the browser on the host and port it used.
  const response = new NextResponse(null, { status: 303, headers: { Location: outcome.location } });
  if (outcome.grant) response.cookies.set(TRACK_GRANT_COOKIE, outcome.grant, grantCookieOptions());
  return response;
}
