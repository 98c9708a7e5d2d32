// createDossier: the one way a dossier comes into existence (seed, counter intake, online submission).
import { Prisma, type Db, type DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { enqueueDossierEventJobs } from "../../../jobs/dossier-events";
import { loadWorkingCalendar } from "../../calendar/queries";
import { dueDate } from "../../calendar/working-time";
import { allocateDossierCode } from "./allocate-dossier-code";
import { ZCreateDossierSchema, type TCreateDossier, type TCreateDossierInput, type TCreatedDossier } from "../schema";
import { normalizeSearchText } from "../search-text";

interface CreateDossierOptions {
  /**
   * How long a call may queue for a pooled connection. Submissions to one agency serialise on
   * its counter row, so a burst queues rather than fails.
   */
  maxWaitMs?: number;
  timeoutMs?: number;
  /**
   * Runs inside the dossier's transaction, after its rows are written: work that must commit or
   * roll back with it (the online submission files the draft's attachments and deletes the draft).
   * Not called on a replay (the first attempt did it).
   */
  inTransaction?: (tx: DbTx, dossier: TCreatedDossier) => Promise<void>;
  /**
   * A code reserved beforehand for this dossier (offline counter intake, reserve-codes.ts), used
   * instead of allocating one; the caller checked it and claims it in `inTransaction`.
   */
  reservedCode?: string;
}

export async function createDossier(
  db: Db,
  rawInput: TCreateDossierInput,
  options: CreateDossierOptions = {},
): Promise<TCreatedDossier> {
  const parsed = ZCreateDossierSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError("VALIDATION", {
      message: `createDossier: ${parsed.error.message}`,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const input = parsed.data;

  // A replay that arrives after the first attempt committed: answer without touching the counter.
  const seen = await findByIdempotencyKey(db, input.idempotencyKey);
  if (seen) return seen;

  try {
    return await db.$transaction(async (tx) => {
      const created = await insertDossier(tx, input, options.reservedCode);
      if (options.inTransaction) await options.inTransaction(tx, created);
      return created;
    }, {
      // The counter upsert relies on READ COMMITTED (see allocate-dossier-code.ts); say so explicitly.
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
      maxWait: options.maxWaitMs ?? 10_000,
      timeout: options.timeoutMs ?? 15_000,
    });
  } catch (error) {
    // A replay racing the first attempt: the event's unique key refused the second insert and the
    // whole transaction (its code number included) rolled back. Answer with the first dossier.
    if (isUniqueViolation(error)) {
      const first = await findByIdempotencyKey(db, input.idempotencyKey);
      if (first) return first;
    }
    throw error;
  }
}

async function insertDossier(tx: DbTx, input: TCreateDossier, reservedCode?: string): Promise<TCreatedDossier> {
  const now = new Date();
  const received = input.status === "RECEIVED";
  const receivedAt = received ? (input.receivedAt ?? now) : null;
  const submittedAt = input.submittedAt ?? receivedAt ?? now;
  const handlingAgencyId = input.handlingAgencyId ?? input.receivingAgencyId;

  const agencySelect = { id: true, code: true, active: true, trainingMode: true, timeZone: true, workingHours: true } as const;
  const [receivingAgency, handlingAgency, version] = await Promise.all([
    tx.agency.findUnique({ where: { id: input.receivingAgencyId }, select: agencySelect }),
    handlingAgencyId === input.receivingAgencyId
      ? null
      : tx.agency.findUnique({ where: { id: handlingAgencyId }, select: agencySelect }),
    tx.procedureVersion.findUnique({
      where: { id: input.procedureVersionId },
      select: {
        id: true,
        procedureId: true,
        status: true,
        channels: true,
        limitValue: true,
        limitUnit: true,
        sameDayCutoff: true,
        steps: { orderBy: { order: "asc" }, select: { id: true, order: true, allowanceValue: true, allowanceUnit: true } },
        procedure: { select: { agencies: { where: { agencyId: handlingAgencyId }, select: { agencyId: true } } } },
      },
    }),
  ]);
  if (!receivingAgency || !receivingAgency.active) throw new AppError("NOT_FOUND", { message: "Receiving agency not found or inactive" });
  const handler = handlingAgency ?? receivingAgency;
  if (handler.id !== handlingAgencyId || !handler.active) {
    throw new AppError("NOT_FOUND", { message: "Handling agency not found or inactive" });
  }
  if (!version) throw new AppError("NOT_FOUND", { message: "Procedure version not found" });
  if (version.status !== "PUBLISHED") throw new AppError("VALIDATION", { message: "Procedure version is not published" });
  if (!version.channels.includes(input.channel)) {
    throw new AppError("VALIDATION", { message: `Procedure does not accept channel ${input.channel}`, details: { channel: input.channel } });
  }
  if (version.procedure.agencies.length === 0) {
    throw new AppError("VALIDATION", { message: "The handling agency does not handle this procedure" });
  }

  // The clock starts at reception, on the handling agency's calendar; an online submission gets
  // its due date when an officer receives it.
  const calendar = await loadWorkingCalendar(tx, { agency: handler, from: receivedAt ?? submittedAt });
  let dueAt: Date | null = null;
  if (receivedAt) {
    dueAt = dueDate(calendar, receivedAt, { value: version.limitValue, unit: version.limitUnit }, { sameDayCutoff: version.sameDayCutoff });
  }
  // Step instances (the control sheet, form 06): an online submission waits at the first step
  // (reception); an intake has passed reception at once and stands at the next step.
  const [receptionStep, nextStep] = version.steps;
  if (!receptionStep || (received && !nextStep)) {
    throw new AppError("VALIDATION", { message: "The procedure version has no usable steps" });
  }
  const currentStep = received ? nextStep! : receptionStep;
  const stepStartedAt = receivedAt ?? submittedAt;
  const stepDueAt = dueDate(calendar, stepStartedAt, { value: currentStep.allowanceValue, unit: currentStep.allowanceUnit });

  // The code carries the reception date; an online submission is numbered when it is submitted.
  const codeAt = receivedAt ?? submittedAt;
  // Last before the writes: from here the agency's counter row is locked until commit.
  const { code } = reservedCode
    ? { code: reservedCode }
    : await allocateDossierCode(tx, {
        agencyId: receivingAgency.id,
        agencyCode: receivingAgency.code,
        at: codeAt,
      });

  const dossier = await tx.dossier.create({
    data: {
      code,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      receivingAgencyId: receivingAgency.id,
      handlingAgencyId,
      applicantType: input.applicantType,
      applicantName: input.applicantName,
      applicantIdNumber: input.applicantIdNumber ?? null,
      applicantDateOfBirth: input.applicantDateOfBirth ?? null,
      applicantPhone: input.applicantPhone ?? null,
      applicantEmail: input.applicantEmail ?? null,
      applicantAddress: input.applicantAddress ?? null,
      organisationName: input.organisationName ?? null,
      taxCode: input.taxCode ?? null,
      ownerId: input.ownerId ?? null,
      searchText: normalizeSearchText(code, input.applicantName, input.applicantIdNumber),
      channel: input.channel,
      status: input.status,
      formData: input.formData as Prisma.InputJsonObject,
      submittedAt,
      receivedAt,
      dueAt,
      originalDueAt: dueAt,
      currentStepOrder: currentStep.order,
      stepDueAt,
      resultDelivery: input.resultDelivery,
      deliveryAddress: input.deliveryAddress ?? null,
      version: 1,
      // Training mode marks everything filed at the agency as test data.
      isTest: input.isTest || receivingAgency.trainingMode,
    },
    select: { id: true, code: true, status: true, dueAt: true },
  });

  const event = await tx.dossierEvent.create({
    data: {
      dossierId: dossier.id,
      actorId: input.actor.userId ?? null,
      actorRole: input.actor.role ?? null,
      action: received ? "INTAKE" : "SUBMIT",
      toStatus: input.status,
      payload: { code, channel: input.channel },
      deviceAt: input.deviceAt ?? null,
      idempotencyKey: input.idempotencyKey,
      resultingVersion: 1,
    },
    select: { id: true },
  });

  const holderId = input.actor.userId ?? null;
  await tx.dossierStep.createMany({
    data: [
      ...(received
        ? [{ dossierId: dossier.id, stepId: receptionStep.id, order: receptionStep.order, holderId, startedAt: stepStartedAt, dueAt: stepStartedAt, finishedAt: stepStartedAt, outcome: "INTAKE" }]
        : []),
      { dossierId: dossier.id, stepId: currentStep.id, order: currentStep.order, holderId: null, startedAt: stepStartedAt, dueAt: stepDueAt },
    ],
  });

  if (receivedAt) {
    await tx.dossierClockEvent.create({
      data: { dossierId: dossier.id, kind: "START", at: receivedAt, dueAt, eventId: event.id },
      select: { id: true },
    });
  }
  // Submission and counter intake alike: the event's jobs (the receipt notice, ...) commit with it.
  await enqueueDossierEventJobs(tx, { eventId: event.id, dossierId: dossier.id });

  return { id: dossier.id, code: dossier.code, status: dossier.status, dueAt: dossier.dueAt, replayed: false };
}

async function findByIdempotencyKey(db: Db, idempotencyKey: string): Promise<TCreatedDossier | null> {
  const event = await db.dossierEvent.findUnique({
    where: { idempotencyKey },
    select: { action: true, dossier: { select: { id: true, code: true, status: true, dueAt: true } } },
  });
  if (!event) return null;
  if (event.action !== "SUBMIT" && event.action !== "INTAKE") {
    throw new AppError("CONFLICT", { message: "The idempotency key belongs to another command", details: { action: event.action } });
  }
  const { id, code, status, dueAt } = event.dossier;
  return { id, code, status, dueAt, replayed: true };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
