// Public tracking as a service: look-ups are rate-limited per client, the full view needs the
// owner's session or proof of the applicant's ID number, and wrong ID numbers are limited per code
// (codes are sequential and guessable; ID numbers must not be guessable through this page).
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { createTrackGrant, verifyTrackGrant } from "../grant";
import { enforceRateLimit, hitRateLimit, idAttemptsPerCode, lookupsPerClient, rateLimitedError, undoRateLimitHit } from "../rate-limit";
import { ZDossierCodeSchema, ZTrackIdNumberSchema, type TFullTracking, type TPublicTracking, type TTrackingView } from "../schema";
import { getPublicTracking, loadFullTracking, normaliseDossierCode } from "./views";

export interface TrackingAccess {
  /** The signed-in user, if any: the owner sees everything. */
  viewerUserId?: string | null;
  /** A track grant from an earlier ID-number check (grant.ts). */
  grant?: string | null;
  /** The secret grants are signed with (the auth secret). */
  secret: string;
}

function notFound(code: string): AppError {
  return new AppError("NOT_FOUND", { message: `no trackable dossier ${code}` });
}

function parseCode(raw: string): string {
  const parsed = ZDossierCodeSchema.safeParse(raw);
  if (!parsed.success) throw notFound(raw.slice(0, 60));
  return normaliseDossierCode(parsed.data);
}

/** Equal without revealing, through timing, how much of the number matched. */
export function idNumbersMatch(stored: string | null, given: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v).digest();
  const normalisedStored = stored ? stored.replace(/[\s.-]/g, "").toUpperCase() : null;
  // A dossier without an ID number still costs the same compare, and never matches.
  const a = digest(normalisedStored ?? `\u0000no-id\u0000${given}`);
  const b = digest(given);
  return timingSafeEqual(a, b) && normalisedStored !== null;
}

/**
 * The full view when `access` allows it: the owner's session, or a valid grant for this code.
 * null otherwise (or for an unknown or training dossier). Not rate-limited: callers are.
 */
export async function getFullTracking(
  db: Db,
  input: { code: string } & TrackingAccess,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ view: TFullTracking; via: "OWNER" | "ID_NUMBER" } | null> {
  const { code, ...access } = input;
  const granted = verifyTrackGrant(access.secret, access.grant, normaliseDossierCode(code), now);
  if (!granted && !access.viewerUserId) return null;
  const full = await loadFullTracking(db, { code }, { now });
  if (!full) return null;
  if (access.viewerUserId && full.ownerId === access.viewerUserId) return { view: full.view, via: "OWNER" };
  return granted ? { view: full.view, via: "ID_NUMBER" } : null;
}

export interface TAccessibleDossier {
  dossierId: string;
  code: string;
  status: TFullTracking["status"];
  via: "OWNER" | "ID_NUMBER";
}

/**
 * The dossier behind `code` when `access` may act on it as the applicant (rate it): its owner's
 * session or a valid grant. null otherwise, and for unknown or training-mode dossiers.
 */
export async function resolveTrackingAccess(
  db: Db,
  input: { code: string } & TrackingAccess,
  { now = new Date() }: { now?: Date } = {},
): Promise<TAccessibleDossier | null> {
  const { code, ...access } = input;
  const normalised = normaliseDossierCode(code);
  const dossier = await db.dossier.findUnique({ where: { code: normalised }, select: { id: true, code: true, status: true, ownerId: true, isTest: true } });
  if (!dossier || dossier.isTest) return null;
  if (access.viewerUserId && dossier.ownerId === access.viewerUserId) return { dossierId: dossier.id, code: dossier.code, status: dossier.status, via: "OWNER" };
  if (verifyTrackGrant(access.secret, access.grant, dossier.code, now)) return { dossierId: dossier.id, code: dossier.code, status: dossier.status, via: "ID_NUMBER" };
  return null;
}

/**
 * One look-up of the public view alone (a visitor with neither session nor grant: the plain-HTML
 * tracking page). RATE_LIMITED past the per-client limit; NOT_FOUND for an unknown or training-mode code.
 */
export async function trackPublicly(
  db: Db,
  input: { code: string; clientKey: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<TPublicTracking> {
  await enforceRateLimit(db, { rule: lookupsPerClient(), subject: input.clientKey }, { now });
  const code = parseCode(input.code);
  const pub = await getPublicTracking(db, { code }, { now });
  if (!pub) throw notFound(code);
  return pub;
}

/**
 * One tracking look-up: the public view, plus the full one when the caller may see it.
 * RATE_LIMITED past the per-client limit; NOT_FOUND for an unknown or training-mode code.
 */
export async function trackDossier(
  db: Db,
  input: { code: string; clientKey: string } & TrackingAccess,
  { now = new Date() }: { now?: Date } = {},
): Promise<TTrackingView> {
  const { clientKey, viewerUserId, grant, secret } = input;
  const pub = await trackPublicly(db, { code: input.code, clientKey }, { now });
  const full = await getFullTracking(db, { code: pub.code, viewerUserId, grant, secret }, { now });
  return { public: pub, full: full?.view ?? null, access: full?.via ?? "PUBLIC" };
}

export type TIdNumberCheck = { ok: true; code: string; grant: string } | { ok: false; code: string };

/**
 * Checks the applicant's ID number for a code and, when it matches, returns a grant for the full
 * view. Each attempt counts as a look-up for the client; wrong ones also count against the code
 * (5 per 15 minutes by default), after which even the right number waits for the window to end.
 */
export async function checkTrackingIdNumber(
  db: Db,
  input: { code: string; idNumber: string; clientKey: string; secret: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<TIdNumberCheck> {
  await enforceRateLimit(db, { rule: lookupsPerClient(), subject: input.clientKey }, { now });
  const code = parseCode(input.code);
  const dossier = await db.dossier.findUnique({ where: { code }, select: { applicantIdNumber: true, isTest: true } });
  if (!dossier || dossier.isTest) throw notFound(code);

  const given = ZTrackIdNumberSchema.safeParse(input.idNumber);
  // Counted before comparing, so parallel guesses cannot all slip in under the limit.
  const rule = idAttemptsPerCode();
  const hit = await hitRateLimit(db, { rule, subject: code }, { now });
  if (!hit.allowed) throw rateLimitedError(rule, hit);
  if (given.success && idNumbersMatch(dossier.applicantIdNumber, given.data)) {
    await undoRateLimitHit(db, { rule, subject: code, windowStart: hit.windowStart });
    return { ok: true, code, grant: createTrackGrant(input.secret, code, now) };
  }
  return { ok: false, code };
}
