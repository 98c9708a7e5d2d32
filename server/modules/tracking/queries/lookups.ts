// Public tracking as a service: look-ups are rate-limited per client, the full view needs the
// owner's session or proof of the applicant's ID number, and wrong ID numbers are limited per code
// (codes are sequential and guessable; ID numbers must not be guessable through this page).
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { normaliseDossierCode } from "../../dossier/dossier-code";
import { verifyTrackGrant } from "../grant";
import { enforceRateLimit } from "../commands/hit-rate-limit";
import { lookupsPerClient } from "../rate-limit";
import { ZDossierCodeSchema, type TFullTracking, type TPublicTracking, type TTrackingView } from "../schema";
import { getPublicTracking, loadFullTracking } from "./views";

export interface TrackingAccess {
  /** The signed-in user, if any: the owner sees everything. */
  viewerUserId?: string | null;
  /** A track grant from an earlier ID-number check (grant.ts). */
  grant?: string | null;
  /** The secret grants are signed with (the auth secret). */
  secret: string;
}

export function notFound(code: string): AppError {
  return new AppError("NOT_FOUND", { message: `no trackable dossier ${code}` });
}

export function parseCode(raw: string): string {
  const parsed = ZDossierCodeSchema.safeParse(raw);
  if (!parsed.success) throw notFound(raw.slice(0, 60));
  return normaliseDossierCode(parsed.data);
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

interface TAccessibleDossier {
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
