// Counter intake: a reception officer files a dossier for a walk-in applicant (channel 1) or one
// that arrived by post (channel 3). The dossier is received at once (createDossier: RECEIVED,
// due date from the handling agency's calendar, START clock event, receipt slip form 01).
import type { Db, Prisma, DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { effectiveActionTime, MAX_DEVICE_AHEAD_MS, MAX_DEVICE_BEHIND_MS } from "../action-time";
import { vietnamDayStart } from "../dossier-code";
import { requireDeskAt } from "../policy";
import { loadActor } from "../queries/dossier-actor";
import { ZIntakeSchema, type TIntake, type TIntakeInput, type TIntakeResult } from "../schema";
import { can } from "../workflow";
import { createDossier } from "./create-dossier";

/** Where the ticked checklist is kept on the dossier (formData is the applicant's declaration plus this). */
export const INTAKE_CHECKLIST_KEY = "intakeChecklist";

export async function intakeDossier(
  db: Db,
  rawInput: TIntakeInput & { actorUserId: string },
  options: { now?: Date } = {},
): Promise<TIntakeResult> {
  const { actorUserId, ...rest } = rawInput;
  const parsed = ZIntakeSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError("VALIDATION", {
      message: `intakeDossier: ${parsed.error.message}`,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const input = parsed.data;

  const replay = await findIntakeReplay(db, input.idempotencyKey, actorUserId);
  if (replay) return replay;

  const actor = await loadActor(db, { userId: actorUserId });
  requireDeskAt(actor, input.agencyId);
  const handlingAgencyId = input.handlingAgencyId ?? input.agencyId;

  const now = options.now ?? new Date();
  const version = await resolveVersion(db, input, now);
  if (!version.procedure.agencies.some((a) => a.agencyId === input.agencyId)) {
    throw new AppError("VALIDATION", {
      message: `procedure ${version.procedure.code} is not offered by agency ${input.agencyId}`,
      details: { field: "procedureCode", reason: "NOT_OFFERED" },
    });
  }
  if (!version.channels.includes(input.channel)) {
    throw new AppError("VALIDATION", {
      message: `procedure ${version.procedure.code} does not accept channel ${input.channel}`,
      details: { field: "channel", reason: "CHANNEL_NOT_ACCEPTED" },
    });
  }
  // The same guard as every other command: the desk holds the reception step.
  const verdict = can("INTAKE", {
    status: null,
    currentStepOrder: null,
    steps: version.steps,
    actorRoles: ["RECEPTION_OFFICER"],
    actorIsAssignee: false,
    actorIsOwner: false,
    now,
    dueAt: null,
  });
  if (!verdict.ok) {
    throw new AppError(verdict.reason === "INVALID_STEPS" ? "VALIDATION" : "INVALID_TRANSITION", {
      message: `INTAKE refused for procedure version ${version.id}: ${verdict.reason}`,
      details: { reason: verdict.reason },
    });
  }

  // The checklist: nothing unknown ticked, nothing required missing.
  const ticked = new Set(input.checklist);
  const componentIds = new Set(version.components.map((c) => c.id));
  const unknown = [...ticked].filter((id) => !componentIds.has(id));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION", {
      message: `checklist names components that are not in the procedure: ${unknown.join(", ")}`,
      details: { field: "checklist", reason: "UNKNOWN_COMPONENTS", unknown },
    });
  }
  const missing = version.components.filter((c) => c.required && !ticked.has(c.id));
  if (missing.length > 0) {
    throw new AppError("VALIDATION", {
      message: `required documents not ticked: ${missing.map((c) => `${c.order}. ${c.nameVi}`).join("; ")}`,
      details: {
        field: "checklist",
        reason: "MISSING_COMPONENTS",
        missing: missing.map((c) => ({ id: c.id, order: c.order, nameVi: c.nameVi, nameEn: c.nameEn })),
      },
    });
  }

  const attachmentIds = [...new Set(input.attachmentIds)];
  if (attachmentIds.length > 0) {
    const usable = await db.attachment.count({
      where: { id: { in: attachmentIds }, dossierId: null, draftId: null, uploadedById: actorUserId },
    });
    if (usable !== attachmentIds.length) {
      throw new AppError("VALIDATION", {
        message: "some scans are not this officer's unfiled uploads",
        details: { field: "attachmentIds", reason: "ATTACHMENT_NOT_USABLE" },
      });
    }
  }

  // Offline intake: the code printed on the slip was reserved by this device; its day bounds the device time.
  const reserved = input.reservedCode
    ? await checkReservedCode(db, { code: input.reservedCode, userId: actorUserId, deviceId: input.deviceId, agencyId: input.agencyId, deviceAt: input.deviceAt }, { now })
    : null;
  const receivedAt = reserved ? reserved.receivedAt : effectiveActionTime(now, input.deviceAt);
  const created = await createDossier(db, {
    procedureVersionId: version.id,
    receivingAgencyId: input.agencyId,
    handlingAgencyId,
    applicantType: input.applicantType,
    applicantName: input.applicantName,
    applicantIdNumber: input.applicantIdNumber,
    applicantDateOfBirth: input.applicantDateOfBirth,
    applicantPhone: input.applicantPhone,
    applicantEmail: input.applicantEmail,
    applicantAddress: input.applicantAddress,
    organisationName: input.organisationName,
    taxCode: input.taxCode,
    channel: input.channel,
    status: "RECEIVED",
    formData: { ...input.formData, [INTAKE_CHECKLIST_KEY]: [...ticked] },
    resultDelivery: input.resultDelivery,
    deliveryAddress: input.deliveryAddress,
    receivedAt,
    idempotencyKey: input.idempotencyKey,
    actor: { userId: actorUserId, role: "RECEPTION_OFFICER" },
    ...(input.deviceAt ? { deviceAt: input.deviceAt } : {}),
  }, reserved ? { reservedCode: reserved.code, inTransaction: (tx, dossier) => markReservationUsed(tx, { reservationId: reserved.reservationId, dossierId: dossier.id }) } : {});

  // Scans are filed after the dossier exists (a separate, repeatable step: a replay re-links
  // nothing because linked rows no longer match dossierId: null).
  if (attachmentIds.length > 0) {
    await db.attachment.updateMany({
      where: { id: { in: attachmentIds }, dossierId: null, uploadedById: actorUserId },
      data: { dossierId: created.id, kind: "SCAN" },
    });
  }
  const current = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
  return { ...created, version: current.version };
}

async function findIntakeReplay(db: Db, idempotencyKey: string, actorUserId: string): Promise<TIntakeResult | null> {
  const event = await db.dossierEvent.findUnique({
    where: { idempotencyKey },
    select: {
      action: true,
      actorId: true,
      dossier: { select: { id: true, code: true, status: true, dueAt: true, version: true } },
    },
  });
  if (!event) return null;
  if (event.action !== "INTAKE" || event.actorId !== actorUserId) {
    throw new AppError("CONFLICT", { message: `idempotency key ${idempotencyKey} was used for another command`, details: { reason: "KEY_REUSED" } });
  }
  return { ...event.dossier, replayed: true };
}

async function resolveVersion(db: Db, input: TIntake, now: Date) {
  const select = {
    id: true,
    status: true,
    channels: true,
    procedure: { select: { code: true, active: true, agencies: { select: { agencyId: true } } } },
    steps: { orderBy: { order: "asc" }, select: { order: true, kind: true, role: true } },
    components: { orderBy: { order: "asc" }, select: { id: true, order: true, nameVi: true, nameEn: true, required: true } },
  } as const satisfies Prisma.ProcedureVersionSelect;
  const version = input.procedureVersionId
    ? await db.procedureVersion.findFirst({ where: { id: input.procedureVersionId, status: "PUBLISHED" }, select })
    : await db.procedureVersion.findFirst({
        where: {
          procedure: { code: input.procedureCode!, active: true },
          status: "PUBLISHED",
          validFrom: { lte: now },
          OR: [{ validTo: null }, { validTo: { gt: now } }],
        },
        orderBy: { version: "desc" },
        select,
      });
  if (!version || !version.procedure.active) {
    throw new AppError("NOT_FOUND", { message: `no published version of procedure ${input.procedureCode ?? input.procedureVersionId}` });
  }
  return version;
}

/**
 * Checks a reserved code offered by an intake and says when the dossier was received. The code
 * must be this officer's, for this device and receiving agency, unused, and the device time of the
 * intake must lie within the code's day and before it expired, and within the skew allowance of
 * commands (action-time.ts): never in the future, at most MAX_DEVICE_BEHIND_MS old.
 */
async function checkReservedCode(
  db: Db,
  input: { code: string; userId: string; deviceId: string | undefined; agencyId: string; deviceAt: Date | undefined },
  options: { now: Date },
): Promise<{ reservationId: string; code: string; receivedAt: Date }> {
  const refuse = (reason: string, message: string) =>
    new AppError("VALIDATION", { message: `reserved code ${input.code}: ${message}`, details: { field: "reservedCode", reason } });
  const reservation = await db.dossierCodeReservation.findUnique({
    where: { code: input.code },
    select: { id: true, code: true, day: true, agencyId: true, userId: true, deviceId: true, expiresAt: true, dossierId: true },
  });
  if (!reservation || reservation.userId !== input.userId || reservation.deviceId !== input.deviceId) {
    throw refuse("RESERVATION_NOT_YOURS", "not reserved for this officer and device");
  }
  if (reservation.agencyId !== input.agencyId) throw refuse("RESERVATION_OTHER_AGENCY", "reserved for another agency");
  if (reservation.dossierId) throw new AppError("CONFLICT", { message: `reserved code ${input.code} is already used`, details: { reason: "RESERVATION_USED" } });
  if (!input.deviceAt) throw refuse("DEVICE_TIME_MISSING", "an offline intake must say when it happened");

  const at = input.deviceAt.getTime();
  const now = options.now.getTime();
  if (at > now + MAX_DEVICE_AHEAD_MS || at < now - MAX_DEVICE_BEHIND_MS) throw refuse("DEVICE_TIME_SKEW", "device time outside the allowed skew");
  const dayStart = vietnamDayStart(reservation.day).getTime();
  if (at < dayStart || at >= reservation.expiresAt.getTime()) throw refuse("RESERVATION_EXPIRED", "used outside its day or after it expired");
  // As for every command: the device time, never later than the server's now.
  return { reservationId: reservation.id, code: reservation.code, receivedAt: new Date(Math.max(dayStart, Math.min(at, now))) };
}

/** Inside the dossier's transaction: the reservation now belongs to the dossier (once). */
async function markReservationUsed(tx: DbTx, { reservationId, dossierId }: { reservationId: string; dossierId: string }): Promise<void> {
  const claimed = await tx.dossierCodeReservation.updateMany({ where: { id: reservationId, dossierId: null }, data: { dossierId } });
  if (claimed.count !== 1) {
    throw new AppError("CONFLICT", { message: `reservation ${reservationId} was used meanwhile`, details: { reason: "RESERVATION_USED" } });
  }
}
