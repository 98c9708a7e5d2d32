// Demo dossiers, part 3: writes them. Each is created through the domain command `createDossier`
// (it allocates the code `<agency code>-YYMMDD-NNNN` in its transaction and records the creation:
// event, step instances, START clock event for an intake). The rest of its history (dossier-
// timeline.ts) is written directly, a batch of dossiers per transaction: replaying ~1,200 commands
// through the lifecycle command would make the first start several times slower, and the
// timeline already follows that command's rules (prisma/seed/check.ts verifies it).
//
// They are `isTest: false`: demo data of a demo deployment, meant to show on worklists, dashboards
// and statistics like real dossiers (training-mode test dossiers are something else).

import type { Db, DbTx, Role } from "../../server/db";
import type { WorkingCalendar } from "../../server/modules/calendar/working-time";
import { INTAKE_CHECKLIST_KEY } from "../../server/modules/dossier/commands/intake-dossier";
import { createDossier } from "../../server/modules/dossier/commands/create-dossier";
import type { TCreateDossierInput } from "../../server/modules/dossier/schema";
import { allAgencies } from "./agencies";
import { officers, supportingOfficers } from "./accounts";
import { DEMO_DOSSIER_COUNT, planContext, planDossier, type DossierPlan } from "./dossier-plan";
import { fitTimeline, simulateTimeline, type Actor, type Timeline, type TimelineProcedure } from "./dossier-timeline";
import { DEMO_DOSSIERS_AUDIT_ID, demoDossierCreationKeys, procedureSeedId, seedEventKey, userSeedId } from "./ids";
import { procedures } from "./procedures";
/** Histories written per transaction: few round trips, and an interrupted run loses little. */
const BATCH = 50;

interface LoadedProcedure {
  procedureId: string;
  versionId: string;
  stepIds: Map<number, string>;
  components: { id: string; required: boolean }[];
  timeline: TimelineProcedure;
}

interface Pending {
  plan: DossierPlan;
  proc: LoadedProcedure;
  timeline: Timeline;
  agencyId: string;
  dossierId: string | null;
}

type UserFor = (actor: Actor | null) => string | null;

interface DossierSeedResult {
  created: number;
  completed: number;
}

/**
 * The seed records history that happened in the past, but the creation event that createDossier
 * appends would carry the seed's own clock, after the events that follow it. This client stamps
 * the creation events of demo dossiers (found by idempotency key) with their creation instants;
 * nothing else differs from the plain client.
 */
function withRecordingClock(db: Db, creationAt: ReadonlyMap<string, Date>): Db {
  return db.$extends({
    query: {
      dossierEvent: {
        async create({ args, query }) {
          const at = creationAt.get(args.data.idempotencyKey);
          if (at) args.data = { ...args.data, serverAt: at };
          return query(args);
        },
      },
    },
  }) as unknown as Db;
}

async function loadProcedures(db: Db): Promise<Map<string, LoadedProcedure>> {
  const rows = await db.procedureVersion.findMany({
    where: { version: 1, procedureId: { in: procedures.map((p) => procedureSeedId(p.code)) } },
    select: {
      id: true,
      procedureId: true,
      limitValue: true,
      steps: { orderBy: { order: "asc" }, select: { id: true, order: true, kind: true, role: true, nameVi: true, allowanceValue: true, allowanceUnit: true } },
      components: { orderBy: { order: "asc" }, select: { id: true, nameVi: true, required: true } },
    },
  });
  const out = new Map<string, LoadedProcedure>();
  for (const p of procedures) {
    const row = rows.find((r) => r.procedureId === procedureSeedId(p.code));
    if (!row) throw new Error(`Procedure ${p.code} is not seeded`);
    out.set(p.code, {
      procedureId: row.procedureId,
      versionId: row.id,
      stepIds: new Map(row.steps.map((s) => [s.order, s.id])),
      components: row.components.map((c) => ({ id: c.id, required: c.required })),
      timeline: {
        code: p.code,
        // What the database says now (an administrator may have edited version 1).
        limitDays: row.limitValue,
        fee: p.fee,
        componentNames: row.components.map((c) => c.nameVi),
        steps: row.steps.map((s) => ({
          order: s.order,
          kind: s.kind,
          role: s.role as TimelineProcedure["steps"][number]["role"],
          nameVi: s.nameVi,
          allowanceHours: s.allowanceUnit === "WORKING_DAY" ? s.allowanceValue * 8 : s.allowanceValue,
        })),
      },
    });
  }
  return out;
}

export async function seedDemoDossiers(
  db: Db,
  calendars: ReadonlyMap<string, WorkingCalendar>,
  now: Date,
  concurrency = 1,
): Promise<DossierSeedResult> {
  const ctx = planContext();
  const loaded = await loadProcedures(db);
  const agencyIdByCode = new Map(allAgencies.map((a) => [a.code, a.id]));
  const staff = new Map<string, Map<string, string>>();
  for (const o of [...officers, ...supportingOfficers]) {
    const agencyId = agencyIdByCode.get(o.agencyCode)!;
    if (!staff.has(agencyId)) staff.set(agencyId, new Map());
    staff.get(agencyId)!.set(o.role, userSeedId(o.email));
  }
  const people = (agencyId: string, ownerId: string | null): UserFor => {
    const byRole = staff.get(agencyId);
    return (actor) => (actor === null ? null : actor === "OWNER" ? ownerId : (byRole?.get(actor) ?? null));
  };

  const existing = await db.dossierEvent.findMany({
    where: { idempotencyKey: { in: demoDossierCreationKeys } },
    select: { idempotencyKey: true, dossier: { select: { id: true, submittedAt: true, receivedAt: true, version: true } } },
  });
  const existingByKey = new Map(existing.map((e) => [e.idempotencyKey, e.dossier]));

  const pending: Pending[] = [];
  for (let i = 0; i < DEMO_DOSSIER_COUNT; i++) {
    const found = existingByKey.get(seedEventKey(i, 0));
    // Done: its history moved it past what createDossier wrote.
    if (found && found.version > 1) continue;
    const plan = planDossier(i, ctx);
    const proc = loaded.get(plan.procedureCode)!;
    const agencyId = agencyIdByCode.get(plan.agencyCode)!;
    const cal = calendars.get(agencyId);
    if (!cal) throw new Error(`No calendar for agency ${plan.agencyCode}`);
    // Created by an earlier, interrupted run: rebuild the same history from its recorded start.
    const start = found ? (plan.channel === 2 ? found.submittedAt : found.receivedAt) : null;
    const timeline = start ? simulateTimeline(plan, proc.timeline, cal, start) : fitTimeline(plan, proc.timeline, cal, now);
    // A NEW or freshly received dossier has no history beyond its creation: nothing left to write.
    if (found && timeline.events.length === 0) continue;
    pending.push({ plan, proc, timeline, agencyId, dossierId: found?.id ?? null });
  }

  // 1. Creation through the domain command (it takes the agency-day counter). Agencies in
  //    parallel; each agency's dossiers in time order, so its daily numbers follow reception.
  const toCreate = pending.filter((p) => !p.dossierId).sort((a, b) => a.timeline.creationAt.getTime() - b.timeline.creationAt.getTime() || a.plan.index - b.plan.index);
  const recordingDb = withRecordingClock(db, new Map(toCreate.map((p) => [seedEventKey(p.plan.index, 0), p.timeline.creationAt])));
  const queues = new Map<string, Pending[]>();
  for (const p of toCreate) queues.set(p.agencyId, [...(queues.get(p.agencyId) ?? []), p]);
  const agencyQueues = [...queues.values()].sort((a, b) => b.length - a.length);
  let created = 0;
  const worker = async () => {
    for (let queue = agencyQueues.shift(); queue; queue = agencyQueues.shift()) {
      for (const p of queue) {
        const dossier = await createDossier(recordingDb, creationInput(p, people(p.agencyId, ownerOf(p.plan))));
        p.dossierId = dossier.id;
        if (!dossier.replayed) created++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));

  // 2. The histories, a batch per transaction.
  const withHistory = pending.filter((p) => p.timeline.events.length > 0);
  for (let from = 0; from < withHistory.length; from += BATCH) {
    const batch = withHistory.slice(from, from + BATCH);
    await db.$transaction((tx) => writeHistories(tx, batch, (p) => people(p.agencyId, ownerOf(p.plan))), { timeout: 60_000, maxWait: 30_000 });
  }
  // Last: the mark that every demo dossier is whole (the start-up check looks for it).
  await db.auditLog.createMany({
    data: [{ id: DEMO_DOSSIERS_AUDIT_ID, entity: "Seed", entityId: "demo-dossiers", action: "SEED", after: { dossiers: DEMO_DOSSIER_COUNT, now: now.toISOString() } }],
    skipDuplicates: true,
  });
  return { created, completed: withHistory.length };
}

function ownerOf(plan: DossierPlan): string | null {
  return plan.ownerEmail ? userSeedId(plan.ownerEmail) : null;
}

function creationInput(p: Pending, userFor: UserFor): TCreateDossierInput {
  const { plan, timeline, agencyId, proc } = p;
  const ownerId = ownerOf(plan);
  const online = plan.channel === 2;
  // At the desk the officer ticks the components handed in (what intakeDossier records).
  const checklist: Record<string, string[]> = online
    ? {}
    : { [INTAKE_CHECKLIST_KEY]: proc.components.filter((c, i) => c.required || (plan.index + i) % 2 === 0).map((c) => c.id) };
  return {
    procedureVersionId: proc.versionId,
    receivingAgencyId: agencyId,
    handlingAgencyId: agencyId,
    applicantType: plan.applicantType,
    applicantName: plan.applicantName,
    applicantIdNumber: plan.applicantIdNumber,
    applicantDateOfBirth: plan.applicantDateOfBirth,
    applicantPhone: plan.applicantPhone,
    applicantEmail: plan.applicantEmail ?? undefined,
    applicantAddress: plan.applicantAddress,
    organisationName: plan.organisationName ?? undefined,
    taxCode: plan.taxCode ?? undefined,
    channel: plan.channel,
    status: online ? "NEW" : "RECEIVED",
    formData: { ...(plan.formData as TCreateDossierInput["formData"]), ...checklist },
    resultDelivery: plan.resultDelivery,
    deliveryAddress: plan.deliveryAddress ?? undefined,
    ownerId: ownerId ?? undefined,
    isTest: false,
    submittedAt: timeline.submittedAt,
    receivedAt: timeline.intakeReceivedAt ?? undefined,
    idempotencyKey: seedEventKey(plan.index, 0),
    // Online: the applicant (a demo citizen when one owns it); desk and post: the reception officer.
    actor: online ? (ownerId ? { userId: ownerId } : {}) : { userId: userFor("RECEPTION_OFFICER") ?? undefined, role: "RECEPTION_OFFICER" },
  };
}

async function writeHistories(tx: DbTx, batch: Pending[], usersOf: (p: Pending) => UserFor): Promise<void> {
  // Only dossiers still as createDossier left them: one someone already acted on is not rewritten.
  const untouched = new Set(
    (await tx.dossier.findMany({ where: { id: { in: batch.map((p) => p.dossierId!) }, version: 1 }, select: { id: true } })).map((d) => d.id),
  );
  const todo = batch.filter((p) => {
    if (untouched.has(p.dossierId!)) return true;
    console.warn(`seed: demo dossier ${p.plan.index} (${p.dossierId}) has moved on since it was created; its history is left as it is`);
    return false;
  });
  if (todo.length === 0) return;

  const events = await tx.dossierEvent.createManyAndReturn({
    data: todo.flatMap((p) => {
      const userFor = usersOf(p);
      return p.timeline.events.map((e, n) => {
        const assigneeId = userFor(e.assigneeRole);
        return {
          dossierId: p.dossierId!,
          actorId: userFor(e.actor),
          actorRole: e.actor === "OWNER" ? null : (e.actor as Role),
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          fromStepOrder: e.fromStepOrder,
          toStepOrder: e.toStepOrder,
          note: e.note,
          payload: assigneeId ? { ...e.payload, assigneeId } : e.payload,
          serverAt: e.at,
          idempotencyKey: seedEventKey(p.plan.index, n + 1),
          resultingVersion: n + 2,
        };
      });
    }),
    select: { id: true, idempotencyKey: true },
  });
  const eventIds = new Map(events.map((e) => [e.idempotencyKey, e.id]));

  // Step instances: complete the ones createDossier opened, add the later ones.
  const created = await tx.dossierStep.findMany({
    where: { dossierId: { in: todo.map((p) => p.dossierId!) } },
    select: { id: true, dossierId: true, order: true, startedAt: true },
  });
  const completions: { id: string; holderId: string | null; dueAt: string; finishedAt: string | null; outcome: string | null }[] = [];
  const additions: { dossierId: string; stepId: string; order: number; holderId: string | null; startedAt: Date; dueAt: Date; finishedAt: Date | null; outcome: string | null }[] = [];
  for (const p of todo) {
    const userFor = usersOf(p);
    for (const s of p.timeline.steps) {
      const holderId = userFor(s.holderRole);
      if (s.fromCreation) {
        const row = created.find((c) => c.dossierId === p.dossierId && c.order === s.order && c.startedAt.getTime() === s.startedAt.getTime());
        if (!row) throw new Error(`seed: dossier ${p.dossierId} lacks the step ${s.order} createDossier opens`);
        completions.push({ id: row.id, holderId, dueAt: s.dueAt.toISOString(), finishedAt: s.finishedAt?.toISOString() ?? null, outcome: s.outcome });
      } else {
        additions.push({ dossierId: p.dossierId!, stepId: p.proc.stepIds.get(s.order)!, order: s.order, holderId, startedAt: s.startedAt, dueAt: s.dueAt, finishedAt: s.finishedAt, outcome: s.outcome });
      }
    }
  }
  if (completions.length > 0) {
    await tx.$executeRaw`
      UPDATE "DossierStep" AS s SET "holderId" = x."holderId", "dueAt" = x."dueAt", "finishedAt" = x."finishedAt", "outcome" = x."outcome"
      FROM jsonb_to_recordset(${JSON.stringify(completions)}::jsonb)
        AS x("id" text, "holderId" text, "dueAt" timestamptz, "finishedAt" timestamptz, "outcome" text)
      WHERE s."id" = x."id"`;
  }
  await tx.dossierStep.createMany({ data: additions });

  await tx.dossierClockEvent.createMany({
    data: todo.flatMap((p) =>
      p.timeline.clock.map((c) => ({
        dossierId: p.dossierId!,
        kind: c.kind,
        at: c.at,
        dueAt: c.dueAt,
        reason: c.reason,
        eventId: eventIds.get(seedEventKey(p.plan.index, c.eventIndex + 1)) ?? null,
      })),
    ),
  });

  // Each dossier's final state, in one statement.
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const rows = todo.map((p) => {
    const f = p.timeline.final;
    return {
      id: p.dossierId!,
      status: f.status,
      currentStepOrder: f.currentStepOrder,
      assigneeId: usersOf(p)(f.assigneeRole),
      receivedAt: iso(f.receivedAt),
      dueAt: iso(f.dueAt),
      originalDueAt: iso(f.originalDueAt),
      extendedDueAt: iso(f.extendedDueAt),
      stepDueAt: iso(f.stepDueAt),
      pausedAt: iso(f.pausedAt),
      finishedAt: iso(f.finishedAt),
      returnedAt: iso(f.returnedAt),
      resultNumber: f.resultNumber,
      resultIssuedAt: iso(f.resultIssuedAt),
      resultDelivery: f.resultDelivery,
      feeAmount: f.feeAmount === null ? null : String(f.feeAmount),
      feePaidAt: iso(f.feePaidAt),
      postalWaybill: f.postalWaybill,
      version: 1 + p.timeline.events.length,
    };
  });
  const updated = await tx.$executeRaw`
    UPDATE "Dossier" AS d SET
      "status" = x."status"::"DossierStatus",
      "currentStepOrder" = x."currentStepOrder",
      "assigneeId" = x."assigneeId",
      "receivedAt" = x."receivedAt",
      "dueAt" = x."dueAt",
      "originalDueAt" = x."originalDueAt",
      "extendedDueAt" = x."extendedDueAt",
      "stepDueAt" = x."stepDueAt",
      "pausedAt" = x."pausedAt",
      "finishedAt" = x."finishedAt",
      "returnedAt" = x."returnedAt",
      "resultNumber" = x."resultNumber",
      "resultIssuedAt" = x."resultIssuedAt",
      "resultDelivery" = x."resultDelivery"::"ResultDelivery",
      "feeAmount" = x."feeAmount"::bigint,
      "feePaidAt" = x."feePaidAt",
      "postalWaybill" = x."postalWaybill",
      "version" = x."version",
      "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
      "id" text, "status" text, "currentStepOrder" int, "assigneeId" text,
      "receivedAt" timestamptz, "dueAt" timestamptz, "originalDueAt" timestamptz, "extendedDueAt" timestamptz,
      "stepDueAt" timestamptz, "pausedAt" timestamptz, "finishedAt" timestamptz, "returnedAt" timestamptz,
      "resultNumber" text, "resultIssuedAt" timestamptz, "resultDelivery" text, "feeAmount" text, "feePaidAt" timestamptz,
      "postalWaybill" text, "version" int)
    WHERE d."id" = x."id" AND d."version" = 1`;
  if (updated !== todo.length) throw new Error(`seed: updated ${updated} of ${todo.length} demo dossiers; rolled back`);
}
