"use server";

// Tracking forms as Server Actions: plain form posts that work without JavaScript. The ID number
// travels only in the POST body; what comes back is a redirect, with an httpOnly grant cookie when
// the number matched, and at most an error code and the dossier code in the URL.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { sessionCookie } from "~/server/auth";
import { AppError } from "~/server/errors";
import { TRACK_GRANT_COOKIE, TRACK_GRANT_TTL_SECONDS } from "~/server/modules/tracking/grant";

/** Where tracking pages live: the portal and the kiosk. */
const BASES = ["/track", "/kiosk/track"] as const;
type Base = (typeof BASES)[number];

function baseOf(formData: FormData): Base {
  const value = formData.get("base");
  return BASES.find((b) => b === value) ?? "/track";
}

function text(formData: FormData, name: string, max = 200): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** The AppError behind an error from the server-side caller (a TRPCError whose cause it is). */
function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

function codePath(base: Base, code: string): string {
  return `${base}/${encodeURIComponent(code.toUpperCase())}`;
}

/**
 * Look-up form (code, optional ID number). Without an ID number: the public page of the code.
 * With one: checked (rate-limited), then the page with the full view, or back with an error.
 */
export async function trackLookupAction(formData: FormData): Promise<void> {
  const base = baseOf(formData);
  const code = text(formData, "code", 60).replace(/\s+/g, "");
  const idNumber = text(formData, "idNumber", 40);
  // Where errors are shown: the page the form was on (the search page or the dossier's page).
  const back = formData.get("from") === "dossier" && code ? codePath(base, code) : base;
  if (!code) redirect(withQuery(back, { error: "missingCode" }));
  if (!idNumber) redirect(codePath(base, code));

  let outcome: { ok: boolean; code: string; grant?: string };
  try {
    outcome = await api.tracking.checkIdNumber({ code, idNumber });
  } catch (error) {
    const app = appErrorOf(error);
    if (app?.code === "NOT_FOUND") redirect(withQuery(base, { error: "notFound", code }));
    if (app?.code === "RATE_LIMITED") {
      const seconds = Number(app.details?.retryAfterSeconds ?? 60);
      const reason = app.details?.reason === "track-id" ? "idAttemptsExceeded" : "rateLimited";
      redirect(withQuery(back, { error: reason, retry: seconds, ...(back === base ? { code } : {}) }));
    }
    if (app?.code === "VALIDATION") redirect(withQuery(back, { error: "notFound", code }));
    throw error;
  }
  if (!outcome.ok || !outcome.grant) redirect(withQuery(back, { error: "idMismatch", ...(back === base ? { code } : {}) }));

  const store = await cookies();
  store.set(TRACK_GRANT_COOKIE, outcome.grant, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: sessionCookie.options.secure,
    maxAge: TRACK_GRANT_TTL_SECONDS,
  });
  redirect(codePath(base, outcome.code));
}

/** Ends the full view on this browser (a shared phone, a kiosk). */
export async function forgetTrackingAction(formData: FormData): Promise<void> {
  const store = await cookies();
  store.set(TRACK_GRANT_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: sessionCookie.options.secure, maxAge: 0 });
  const code = text(formData, "code", 60);
  const base = baseOf(formData);
  redirect(code ? codePath(base, code) : base);
}

/** The satisfaction rating (code + scores + comment); the right to rate is checked by the domain. */
export async function rateAction(formData: FormData): Promise<void> {
  const base = baseOf(formData);
  const code = text(formData, "code", 60);
  const score = (name: string) => Number(text(formData, name, 2));
  const scores = { overall: score("overall"), timeliness: score("timeliness"), staffAttitude: score("staffAttitude"), contactsNeeded: score("contactsNeeded") };
  const page = codePath(base, code);
  if (Object.values(scores).some((s) => !Number.isInteger(s) || s < 1 || s > 5)) redirect(withQuery(page, { rateError: "missingScores" }) + "#rating");
  try {
    await api.tracking.rate({ code, scores, comment: text(formData, "comment", 2000) || undefined });
  } catch (error) {
    const app = appErrorOf(error);
    const reason =
      app?.code === "CONFLICT" ? "alreadyRated" : app?.code === "INVALID_TRANSITION" ? "notReturned" : app?.code === "NOT_FOUND" ? "needAccess" : app?.code === "VALIDATION" ? "missingScores" : null;
    if (!reason) throw error;
    redirect(withQuery(page, { rateError: reason }) + "#rating");
  }
  redirect(withQuery(page, { rated: 1 }) + "#rating");
}
