"use server";

// Tracking forms as Server Actions: plain form posts that work without JavaScript. The ID number
// travels only in the POST body; what comes back is a redirect, with an httpOnly grant cookie when
// the number matched, and at most an error code and the dossier code in the URL.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { TRACK_GRANT_COOKIE } from "~/server/modules/tracking/grant";
import { appErrorOf, baseOf, codePath, formText as text, grantCookieOptions, lookUpTracking, withQuery } from "./lookup";

/** Look-up form (code, optional ID number): see lookUpTracking. */
export async function trackLookupAction(formData: FormData): Promise<void> {
  const outcome = await lookUpTracking(formData);
  if (outcome.grant) (await cookies()).set(TRACK_GRANT_COOKIE, outcome.grant, grantCookieOptions());
  redirect(outcome.location);
}

/** Ends the full view on this browser (a shared phone, a kiosk). */
export async function forgetTrackingAction(formData: FormData): Promise<void> {
  const store = await cookies();
  store.set(TRACK_GRANT_COOKIE, "", grantCookieOptions(0));
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
