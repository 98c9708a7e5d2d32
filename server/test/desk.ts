// Fixtures for the lifecycle integration tests: one agency's desk with every role, unique per call.
import type { Db } from "../db";
import { applyDossierAction } from "../modules/dossier/commands/act";
import { intakeDossier } from "../modules/dossier/commands/intake-dossier";
import type { TActInput, TActResult } from "../modules/dossier/schema";
import { createAgency, createProcedure, createUser, uniqueToken } from "./factories";

export type Desk = Awaited<ReturnType<typeof createDesk>>;

/** An agency, a procedure it offers (5 working days, two required components and one optional), and its staff. */
export async function createDesk(db: Db, options: { provinceName?: string; limitValue?: number } = {}) {
  const agency = await createAgency(db, { provinceName: options.provinceName ?? "Hà Nội" });
  const { procedure, version, steps } = await createProcedure(db, { agencyIds: [agency.id], limitValue: options.limitValue ?? 5 });
  const components = await Promise.all(
    [
      { order: 1, nameVi: "Đơn đề nghị", nameEn: "Application form", required: true },
      { order: 2, nameVi: "Báo cáo kết quả", nameEn: "Results report", required: true },
      { order: 3, nameVi: "Tài liệu khác", nameEn: "Other documents", required: false },
    ].map((c) => db.documentComponent.create({ data: { ...c, procedureVersionId: version.id } })),
  );
  const [reception, specialist, specialist2, leader, clerk] = await Promise.all(
    (["RECEPTION_OFFICER", "SPECIALIST", "SPECIALIST", "LEADER", "RECORDS_CLERK"] as const).map((role) =>
      createUser(db, { memberships: [{ agencyId: agency.id, role }] }),
    ),
  );
  return { agency, procedure, version, steps, components, reception: reception!, specialist: specialist!, specialist2: specialist2!, leader: leader!, clerk: clerk! };
}

/** Tuesday 10 March 2026, 10:00 in Hà Nội: a plain working day. */
export const T0 = new Date("2026-03-10T03:00:00Z");

export function key(label = "k"): string {
  return `it-${label}-${uniqueToken()}`;
}

export async function intake(db: Db, desk: Desk, overrides: Record<string, unknown> = {}, now = T0) {
  return intakeDossier(
    db,
    {
      actorUserId: desk.reception.id,
      agencyId: desk.agency.id,
      procedureVersionId: desk.version.id,
      channel: 1,
      applicantName: `Lê Thị Hoa ${uniqueToken()}`,
      applicantIdNumber: "001190000999",
      checklist: desk.components.filter((c) => c.required).map((c) => c.id),
      idempotencyKey: key("intake"),
      ...overrides,
    },
    { now },
  );
}

/** Runs a command as `userId` on the dossier's current version. */
export async function act(
  db: Db,
  userId: string,
  dossierId: string,
  command: { action: TActInput["action"]; payload?: Record<string, unknown>; note?: string; deviceAt?: Date },
  now?: Date,
  expectedVersion?: number,
): Promise<TActResult> {
  const version = expectedVersion ?? (await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { version: true } })).version;
  return applyDossierAction(
    db,
    {
      actorUserId: userId,
      dossierId,
      expectedVersion: version,
      idempotencyKey: key(command.action.toLowerCase()),
      ...command,
    } as Parameters<typeof applyDossierAction>[1],
    now ? { now } : {},
  );
}
