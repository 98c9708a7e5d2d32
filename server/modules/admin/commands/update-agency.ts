import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { calendarProblems } from "../../calendar/working-time";
import { fieldErrors, parseInput } from "../input";
import { requireAgencyAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { agencySelect, toAdminAgency } from "../queries/agencies";
import { ZAgencyUpdateSchema, type TAdminAgency, type TAgencyUpdate } from "../schema";
import { writeAudit } from "./write-audit";

/**
 * Saves an agency's settings. Working periods are checked as the deadline calculator will read them
 * (calendarProblems); a new identifier code must be unused, including as the prefix of dossier codes
 * already issued by another agency. Turning training mode on makes the dossiers filed there test
 * dossiers (createDossier reads it), left out of statistics and public tracking.
 */
export async function updateAgency(db: Db, input: { actorUserId: string } & TAgencyUpdate): Promise<TAdminAgency> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZAgencyUpdateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireAgencyAdmin(actor, values.agencyId);
  if (values.active !== undefined && !actor.isSystemAdmin) {
    throw new AppError("FORBIDDEN", { message: `user ${actorUserId} may not switch agencies on or off` });
  }

  return db.$transaction(async (tx) => {
    // Row lock: two administrators saving at once are serialised, and the second sees the first's change.
    await tx.$queryRaw`SELECT 1 FROM "Agency" WHERE id = ${values.agencyId} FOR UPDATE`;
    const before = await tx.agency.findUnique({ where: { id: values.agencyId }, select: agencySelect });
    if (!before) throw new AppError("NOT_FOUND", { message: `agency ${values.agencyId}` });
    if (values.expectedUpdatedAt && before.updatedAt.getTime() !== values.expectedUpdatedAt.getTime()) {
      throw new AppError("CONFLICT", { message: `agency ${values.agencyId} changed since the form was opened`, details: { updatedAt: before.updatedAt } });
    }

    const problems = calendarProblems({ timeZone: before.timeZone, periods: values.workingHours, holidays: [], workingDays: [] });
    if (problems.length > 0) {
      // The form shows a reason code where the calendar's (English) wording has one.
      const code = problems.some((p) => p.includes("overlaps")) ? "PERIODS_OVERLAP" : problems.some((p) => p.includes("before it starts")) ? "PERIOD_REVERSED" : problems.join("; ");
      throw fieldErrors({ workingHours: code }, `agency ${values.agencyId}: invalid working hours: ${problems.join("; ")}`);
    }

    if (values.code !== before.code) {
      const taken = await tx.agency.findFirst({ where: { code: values.code, id: { not: values.agencyId } }, select: { id: true } });
      if (taken) throw fieldErrors({ code: "CODE_TAKEN" }, `agency code ${values.code} is taken`);
      // A code another agency used before would make this agency's new dossier codes collide with old ones.
      const used = await tx.dossier.findFirst({
        where: { code: { startsWith: `${values.code}-` }, receivingAgencyId: { not: values.agencyId } },
        select: { id: true },
      });
      if (used) throw fieldErrors({ code: "CODE_USED" }, `agency code ${values.code} appears in another agency's dossier codes`);
    }

    const after = await tx.agency.update({
      where: { id: values.agencyId },
      data: {
        code: values.code,
        codeIsDemo: values.codeIsDemo,
        address: values.address,
        hotline: values.hotline,
        email: values.email,
        workingHours: values.workingHours,
        trainingMode: values.trainingMode,
        ...(values.active === undefined ? {} : { active: values.active }),
      },
      select: agencySelect,
    });
    const { updatedAt: _b, ...beforeAudit } = before;
    const { updatedAt: _a, ...afterAudit } = after;
    const action = before.trainingMode !== after.trainingMode ? (after.trainingMode ? "update.trainingOn" : "update.trainingOff") : "update";
    await writeAudit(tx, { actorUserId, entity: "Agency", entityId: after.id, action, before: beforeAudit, after: afterAudit });
    return toAdminAgency(after);
  });
}
