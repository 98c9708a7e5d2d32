// The tracking look-up form's logic, shared by its two doors: the Server Action of the React pages
// (actions.ts) and the plain form post of the plain-HTML dossier page ([code]/access/route.ts).
// The ID number travels only in the POST body; what comes back is where to go next, with at most
// an error code and the dossier code in the URL, and a grant when the number matched.
import "server-only";
import { api } from "~/server/api/caller";
import { sessionCookie } from "~/server/auth";
import { AppError } from "~/server/errors";
import { TRACK_GRANT_TTL_SECONDS } from "~/server/modules/tracking/grant";

/** Where tracking pages live: the portal and the kiosk. */
const BASES = ["/track", "/kiosk/track"] as const;
export type TrackBase = (typeof BASES)[number];

export function baseOf(formData: FormData): TrackBase {
  const value = formData.get("base");
  return BASES.find((b) => b === value) ?? "/track";
}

export function formText(formData: FormData, name: string, max = 200): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** The AppError behind an error from the server-side caller (a TRPCError whose cause it is). */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

export function codePath(base: TrackBase, code: string): string {
  return `${base}/${encodeURIComponent(code.toUpperCase())}`;
}

/** The httpOnly cookie that carries a grant for the full view (grant.ts). */
export const grantCookieOptions = (maxAge: number = TRACK_GRANT_TTL_SECONDS) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: sessionCookie.options.secure,
  maxAge,
});

export interface TrackLookupOutcome {
  /** A path on this site. */
  location: string;
  /** Set when the ID number matched: the value of the grant cookie. */
  grant?: string;
}

/**
 * The look-up form (code, optional ID number). Without an ID number: the public page of the code.
 * With one: checked (rate-limited), then the page with the full view, or back with an error.
 */
export async function lookUpTracking(formData: FormData): Promise<TrackLookupOutcome> {
  const base = baseOf(formData);
  const code = formText(formData, "code", 60).replace(/\s+/g, "");
  const idNumber = formText(formData, "idNumber", 40);
  // Where errors are shown: the page the form was on (the search page or the dossier's page).
  const back = formData.get("from") === "dossier" && code ? codePath(base, code) : base;
  if (!code) return { location: withQuery(back, { error: "missingCode" }) };
  if (!idNumber) return { location: codePath(base, code) };

  let outcome: { ok: boolean; code: string; grant?: string };
  try {
    outcome = await api.tracking.checkIdNumber({ code, idNumber });
  } catch (error) {
    const app = appErrorOf(error);
    if (app?.code === "NOT_FOUND" || app?.code === "VALIDATION") return { location: withQuery(base, { error: "notFound", code }) };
    if (app?.code === "RATE_LIMITED") {
      const seconds = Number(app.details?.retryAfterSeconds ?? 60);
      const reason = app.details?.reason === "track-id" ? "idAttemptsExceeded" : "rateLimited";
      return { location: withQuery(back, { error: reason, retry: seconds, ...(back === base ? { code } : {}) }) };
    }
    throw error;
  }
  if (!outcome.ok || !outcome.grant) return { location: withQuery(back, { error: "idMismatch", ...(back === base ? { code } : {}) }) };
  return { location: codePath(base, outcome.code), grant: outcome.grant };
}
