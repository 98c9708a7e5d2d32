import { NextResponse, type NextRequest } from "next/server";
import { configuredSsoProviders, startSsoSignIn } from "~/server/auth";
import { isCrossSiteRequest } from "~/server/http/same-origin";
import { safeCallbackPath } from "../../callback-path";

/**
 * The "sign in with VNeID" / organisational SSO buttons are links here. Another site may not start a
 * sign-in on someone's behalf (login CSRF): only same-origin or typed requests go on to the provider.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider: requested } = await params;
  const provider = configuredSsoProviders().find((p) => p === requested);
  if (!provider) return NextResponse.redirect(new URL("/sign-in", request.url), 303);
  if (isCrossSiteRequest(request.headers)) return new NextResponse("Cross-site sign-in refused", { status: 403 });

  const fallback = provider === "org-sso" ? "/officer" : "/";
  const callbackUrl = safeCallbackPath(request.nextUrl.searchParams.get("callbackUrl")) ?? fallback;
  return startSsoSignIn(request, provider, callbackUrl);
}
