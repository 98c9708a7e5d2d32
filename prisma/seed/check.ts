// Consistency check of the seeded demo dossiers: every event is a move the workflow table allows
// (status, step, role), the chain of statuses and versions is unbroken, the current step, assignee
// and open step instance agree, dates agree with the status, and replaying the clock events gives
// the recorded due dates. Used by the seed's integration test; also a CLI:
//   DATABASE_URL=... npx tsx prisma/seed/check.ts

import { pathToFileURL } from "node:url";
import type { Db, DossierStatus, StepKind } from "../../server/db";
import { explainDue, mergeCalendarDays, type WorkingCalendar, type WorkingPeriod } from "../../server/modules/calendar/working-time";
import { parseDossierCode, vietnamDayKey } from "../../server/modules/dossier/dossier-code";
import { clockState } from "../../server/modules/dossier/status";
import { can } from "../../server/modules/dossier/workflow";
import { demoDossierCreationKeys } from "./ids";

interface DemoDossierReport {
  dossiers: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byAgency: Record<string, number>;
  events: number;
  overdueOpen: number;
  extended: number;
  problems: string[];
}

const FINISHED: readonly DossierStatus[] = ["REFUSED", "WITHDRAWN", "STOPPED", "PROCESSED", "RETURNED"];

export async function checkDemoDossiers(db: Db, now = new Date()): Promise<DemoDossierReport> {
  const creation = await db.dossierEvent.findMany({ where: { idempotencyKey: { in: demoDossierCreationKeys } }, select: { dossierId: true } });
  const [dossiers, holidays] = await Promise.all([
    db.dossier.findMany({
      where: { id: { in: creation.map((c) => c.dossierId) } },
      include: {
        events: { orderBy: { resultingVersion: "asc" } },
        steps: { orderBy: [{ startedAt: "asc" }, { order: "asc" }] },
        clockEvents: { orderBy: { at: "asc" } },
        procedureVersion: { select: { limitValue: true, limitUnit: true, sameDayCutoff: true, steps: { select: { order: true, kind: true, role: true } } } },
        receivingAgency: { select: { code: true, shortNameVi: true } },
        handlingAgency: { select: { workingHours: true, timeZone: true } },
      },
    }),
    db.holiday.findMany({ where: { agencyId: null }, select: { date: true, kind: true } }),
  ]);
  const days = mergeCalendarDays(holidays.map((h) => ({ date: h.date.toISOString().slice(0, 10), kind: h.kind })));

  const report: DemoDossierReport = { dossiers: dossiers.length, byStatus: {}, byChannel: {}, byAgency: {}, events: 0, overdueOpen: 0, extended: 0, problems: [] };
  const count = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  for (const d of dossiers) {
    const problem = (text: string) => report.problems.push(`${d.code} (${d.status}): ${text}`);
    count(report.byStatus, d.status);
    count(report.byChannel, String(d.channel));
    count(report.byAgency, d.receivingAgency.shortNameVi ?? d.receivingAgency.code);
    report.events += d.events.length;
    if (d.extendedDueAt) report.extended++;
    if (d.dueAt && !FINISHED.includes(d.status) && d.pausedAt === null && d.dueAt < now) report.overdueOpen++;
    const steps = d.procedureVersion.steps;
    const kindOf = (order: number | null): StepKind | null => steps.find((s) => s.order === order)?.kind ?? null;

    // The code: the receiving agency's identifier and the Vietnam day of reception (or submission).
    const parsed = parseDossierCode(d.code);
    if (!parsed || parsed.agencyCode !== d.receivingAgency.code) problem("code does not carry the agency identifier");
    const codeDay = vietnamDayKey(d.channel === 2 ? d.submittedAt : (d.receivedAt ?? d.submittedAt));
    if (parsed && parsed.dayKey !== codeDay) problem(`code day ${parsed.dayKey}, expected ${codeDay}`);

    // The event chain, each move checked against the workflow table.
    const [first, ...rest] = d.events;
    if (!first || first.fromStatus !== null || first.resultingVersion !== 1 || !["SUBMIT", "INTAKE"].includes(first.action)) {
      problem("does not start with its creation event");
      continue;
    }
    let status: DossierStatus = first.toStatus;
    let stepOrder: number | null = d.channel === 2 ? 1 : 2;
    let dueInForce: Date | null = d.clockEvents.find((c) => c.kind === "START" && c.eventId === first.id)?.dueAt ?? null;
    let previousAt = first.serverAt;
    for (const e of rest) {
      if (e.fromStatus !== status) problem(`${e.action} from ${e.fromStatus}, but the status was ${status}`);
      if (e.fromStepOrder !== stepOrder) problem(`${e.action} from step ${e.fromStepOrder}, but the step was ${stepOrder}`);
      if (e.serverAt < previousAt) problem(`${e.action} recorded before the event it follows`);
      const verdict = can(e.action, {
        status,
        currentStepOrder: stepOrder,
        steps,
        actorRoles: e.actorRole ? [e.actorRole] : [],
        actorIsAssignee: true,
        actorIsOwner: e.actorRole === null,
        now: e.serverAt,
        dueAt: dueInForce,
      });
      if (!verdict.ok) problem(`${e.action} at step ${stepOrder} (${kindOf(stepOrder)}) is not allowed: ${verdict.reason}`);
      else if (verdict.next.toStatus !== e.toStatus || verdict.next.toStepOrder !== e.toStepOrder) {
        problem(`${e.action} leads to ${e.toStatus}/${e.toStepOrder}, the workflow says ${verdict.next.toStatus}/${verdict.next.toStepOrder}`);
      }
      const clockHere = d.clockEvents.find((c) => c.eventId === e.id);
      if (clockHere && clockHere.kind !== "PAUSE" && clockHere.kind !== "STOP") dueInForce = clockHere.dueAt;
      status = e.toStatus;
      stepOrder = e.toStepOrder;
      previousAt = e.serverAt;
    }
    const last = d.events[d.events.length - 1]!;
    if (last.toStatus !== d.status) problem(`last event leads to ${last.toStatus}`);
    if (last.resultingVersion !== d.version) problem(`version ${d.version}, last event made ${last.resultingVersion}`);
    if (rest.length > 0 && stepOrder !== d.currentStepOrder) problem(`events end at step ${stepOrder}, current step ${d.currentStepOrder}`);
    if (d.events.some((e) => e.serverAt > now)) problem("has events in the future");
    if (first.serverAt.getTime() !== (d.channel === 2 ? d.submittedAt : d.receivedAt)?.getTime()) problem("creation event is not at submission/reception");

    // Current step, open step instance, assignee.
    const open = d.steps.filter((s) => s.finishedAt === null);
    if (d.currentStepOrder === null ? open.length !== 0 : open.length !== 1 || open[0]!.order !== d.currentStepOrder) {
      problem(`open step instances ${open.map((s) => s.order).join(",") || "none"} for current step ${d.currentStepOrder}`);
    }
    if (FINISHED.includes(d.status) && d.status !== "PROCESSED" && d.currentStepOrder !== null) problem("a finished dossier has a current step");
    if (d.status === "PROCESSED" && kindOf(d.currentStepOrder) !== "RETURN") problem("result ready but not at the RETURN step");
    if (open[0] && d.stepDueAt?.getTime() !== open[0].dueAt.getTime()) problem("stepDueAt differs from the open step's due date");
    if ((open[0]?.holderId ?? null) !== d.assigneeId) problem("the assignee is not the holder of the open step");
    for (const [i, s] of d.steps.entries()) {
      const previous = d.steps[i - 1];
      if (previous && (previous.finishedAt === null || previous.finishedAt > s.startedAt)) problem(`step ${s.order} starts before step ${previous.order} finished`);
    }

    // Dates that go with the status.
    const received = !["NEW", "REFUSED"].includes(d.status);
    if (received !== (d.receivedAt !== null && d.dueAt !== null && d.originalDueAt !== null)) problem("reception dates do not match the status");
    if (FINISHED.includes(d.status) !== (d.finishedAt !== null)) problem("finishedAt does not match the status");
    if ((d.status === "RETURNED") !== (d.returnedAt !== null)) problem("returnedAt does not match the status");
    if (["SUPPLEMENT_REQUESTED", "AWAITING_FEE"].includes(d.status) !== (d.pausedAt !== null)) problem("pausedAt does not match the status");
    if (d.receivedAt && d.receivedAt < d.submittedAt) problem("received before submitted");
    if (d.finishedAt && d.receivedAt && d.finishedAt < d.receivedAt) problem("finished before received");
    if (d.returnedAt && d.finishedAt && d.returnedAt < d.finishedAt) problem("returned before finished");
    if (["PROCESSED", "RETURNED"].includes(d.status) && (!d.resultNumber || !d.resultIssuedAt)) problem("result without a number");
    if (d.status === "AWAITING_FEE" && (d.feeAmount === null || d.feePaidAt !== null)) problem("awaiting a fee without an unpaid amount");
    if (d.resultDelivery === "BY_POST" && d.status === "RETURNED" && !d.postalWaybill) problem("returned by post without a waybill");

    // The clock: replaying its events gives the recorded due dates and the status's clock state.
    const cal: WorkingCalendar = {
      timeZone: d.handlingAgency.timeZone,
      periods: d.handlingAgency.workingHours as unknown as WorkingPeriod[],
      holidays: days.holidays,
      workingDays: days.workingDays,
    };
    try {
      const explained = explainDue(
        cal,
        d.clockEvents.map((c) => ({ kind: c.kind, at: c.at, dueAt: c.dueAt })),
        { value: d.procedureVersion.limitValue, unit: d.procedureVersion.limitUnit },
        { sameDayCutoff: d.procedureVersion.sameDayCutoff },
      );
      if (explained.mismatches > 0) problem(`${explained.mismatches} clock events disagree with the replay`);
      const expected = clockState(d.status, kindOf(d.currentStepOrder));
      // A dossier refused before reception never started its clock; clockState says so too.
      if (explained.state !== expected) problem(`clock ${explained.state}, status says ${expected}`);
      if ((explained.dueAt?.getTime() ?? null) !== (d.dueAt?.getTime() ?? null)) problem("dueAt differs from the clock's replay");
      if ((explained.originalDueAt?.getTime() ?? null) !== (d.originalDueAt?.getTime() ?? null)) problem("originalDueAt differs from the clock's replay");
    } catch (error) {
      problem(`clock: ${(error as Error).message}`);
    }
  }
  return report;
}

async function main(): Promise<void> {
  const { createDb } = await import("../../server/db");
  const db = createDb({ max: 2 });
  try {
    const { problems, ...stats } = await checkDemoDossiers(db);
    console.log(JSON.stringify(stats, null, 2));
    for (const p of problems.slice(0, 50)) console.log(`problem: ${p}`);
    console.log(problems.length === 0 ? "demo dossiers: consistent" : `demo dossiers: ${problems.length} problems`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
