import type { Db } from "../../../db";
import { createTrackGrant } from "../grant";
import { idNumbersMatch } from "../id-number";
import { notFound, parseCode } from "../queries/lookups";
import { enforceRateLimit, hitRateLimit, undoRateLimitHit } from "./hit-rate-limit";
import { idAttemptsPerCode, lookupsPerClient, rateLimitedError } from "../rate-limit";
import { ZTrackIdNumberSchema } from "../schema";

type TIdNumberCheck = { ok: true; code: string; grant: string } | { ok: false; code: string };

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
