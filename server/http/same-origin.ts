// Cross-site request refusal for anything that changes state. Browsers say where a request comes
// from (Sec-Fetch-Site, else Origin); a request carrying neither is not a browser's cross-site
// request (a browser always sends Origin on a cross-origin POST), so it is let through, as Next.js
// does for Server Actions. SameSite=Lax session cookies already stay off cross-site POSTs; this also
// covers requests that need no cookie (the language switch) and same-site neighbours on other ports.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** The host the client addressed: the reverse proxy's X-Forwarded-Host, else Host. */
function requestHost(headers: Pick<Headers, "get">): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/** True when a browser sent this request from another origin (another site, or this host on another port). */
export function isCrossSiteRequest(headers: Pick<Headers, "get">): boolean {
  const site = headers.get("sec-fetch-site")?.toLowerCase();
  // "none": the person typed the address or used a bookmark.
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    // "null" (sandboxed frames, data: URLs) or garbage.
    return true;
  }
}

/** A state-changing request from another origin. */
export function isCrossSiteWrite(method: string, headers: Pick<Headers, "get">): boolean {
  return !isSafeMethod(method) && isCrossSiteRequest(headers);
}
