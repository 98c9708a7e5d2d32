// The officer behind a call, with the reach their memberships give (policy.ts says what it allows).
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { loadActor as loadAuthActor } from "../../auth/queries";
import { CROSS_AGENCY_READ_ROLES, type DossierActor } from "../policy";

/**
 * The actor re-read from the database, or UNAUTHENTICATED when the account is gone or inactive.
 * Also says whether they read across agencies (a controller or system administrator at the ministry).
 */
export async function loadActor(db: Db, { userId }: { userId: string }): Promise<DossierActor> {
  const actor = await loadAuthActor(db, { userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", { message: `user ${userId} is missing or inactive` });
  const crossIds = actor.memberships.filter((m) => CROSS_AGENCY_READ_ROLES.includes(m.role)).map((m) => m.agencyId);
  let readsAcrossAgencies = false;
  if (crossIds.length > 0) {
    readsAcrossAgencies = (await db.agency.count({ where: { id: { in: crossIds }, kind: "MINISTRY", active: true } })) > 0;
  }
  return { ...actor, readsAcrossAgencies };
}
