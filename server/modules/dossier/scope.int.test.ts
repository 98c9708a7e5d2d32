// Agency scope: an officer of one province neither reads nor changes another province's dossiers,
// whatever the entry point; the ministry's controllers read across and never act.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../../api/root";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { createAgency, createUser } from "../../test/factories";
import { bulkAssign } from "./commands/bulk-assign";
import { T0, act, createDesk, intake, key, type Desk } from "../../test/desk";
import { getDossierDetail } from "./queries/dossier-detail";
import type { TDossierState } from "./schema";
import { countsByStatus, listAssignees, procedurePicker } from "./queries/desk";
import { listWorklist } from "./queries/worklist";

const db = useTestDb({ max: 6 });

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error && typeof error === "object" && "cause" in error && error.cause instanceof AppError) return error.cause.code;
    throw error;
  }
  return "OK";
}

function callerFor(userId: string, kind: "OFFICER" | "CITIZEN" = "OFFICER") {
  return createCaller({ db, session: { id: userId, kind }, locale: "vi", headers: new Headers() });
}

describe("agency scope", () => {
  let hanoi: Desk;
  let hue: Desk;
  let hanoiDossier: Awaited<ReturnType<typeof intake>>;
  let hueDossier: Awaited<ReturnType<typeof intake>>;
  let controller: Awaited<ReturnType<typeof createUser>>;
  let provincialController: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    hanoi = await createDesk(db, { provinceName: "Hà Nội" });
    hue = await createDesk(db, { provinceName: "Huế" });
    hanoiDossier = await intake(db, hanoi, { applicantName: "Phạm Minh Khôi Hà Nội" });
    hueDossier = await intake(db, hue, { applicantName: "Phạm Minh Khôi Huế" });
    const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
    controller = await createUser(db, { memberships: [{ agencyId: ministry.id, role: "CONTROLLER" }] });
    provincialController = await createUser(db, { memberships: [{ agencyId: hanoi.agency.id, role: "CONTROLLER" }] });
  });

  it("hides another province's dossier from every read (NOT_FOUND, never FORBIDDEN)", async () => {
    for (const officer of [hanoi.leader, hanoi.reception, hanoi.specialist]) {
      expect(await code(getDossierDetail(db, { actorUserId: officer.id, dossierId: hueDossier.id }))).toBe("NOT_FOUND");
      expect(await code(listAssignees(db, { actorUserId: officer.id, dossierId: hueDossier.id }))).toBe("NOT_FOUND");
      expect(await code(callerFor(officer.id).dossier.get({ dossierId: hueDossier.id }))).toBe("NOT_FOUND");
      for (const view of ["all", "queue", "mine", "dueSoon", "overdue", "supplement", "reception"] as const) {
        const page = await listWorklist(db, { actorUserId: officer.id, view, q: "pham minh khoi", limit: 100 }, { now: T0 });
        expect(page.items.map((i) => i.id)).not.toContain(hueDossier.id);
      }
      // Searching by the other dossier's exact code finds nothing either.
      const byCode = await listWorklist(db, { actorUserId: officer.id, view: "all", q: hueDossier.code });
      expect(byCode.items).toEqual([]);
      expect(await code(listWorklist(db, { actorUserId: officer.id, view: "all", agencyId: hue.agency.id }))).toBe("NOT_FOUND");
      expect(await code(countsByStatus(db, { actorUserId: officer.id, agencyId: hue.agency.id }))).toBe("NOT_FOUND");
      expect(await code(procedurePicker(db, { actorUserId: officer.id, agencyId: hue.agency.id }))).toBe("NOT_FOUND");
    }
    // Their own is visible.
    const own = await listWorklist(db, { actorUserId: hanoi.leader.id, view: "all", q: "pham minh khoi" });
    expect(own.items.map((i) => i.id)).toEqual([hanoiDossier.id]);
  });

  it("refuses every change to another province's dossier, and assignments to its staff", async () => {
    const before = await db.dossier.findUniqueOrThrow({ where: { id: hueDossier.id } });
    for (const officer of [hanoi.leader, hanoi.reception, hanoi.specialist, hanoi.clerk]) {
      for (const command of [
        { action: "ASSIGN", payload: { assigneeId: hanoi.specialist.id } },
        { action: "COMMENT", payload: { note: "x" } },
        { action: "STOP", payload: { reason: "x" } },
        { action: "WITHDRAW", payload: { reason: "x" } },
      ] as const) {
        expect(await code(act(db, officer.id, hueDossier.id, command, T0, 1))).toBe("NOT_FOUND");
      }
    }
    const bulk = await bulkAssign(db, {
      actorUserId: hanoi.leader.id,
      idempotencyKey: key("bulk"),
      assigneeId: hanoi.specialist.id,
      items: [{ dossierId: hueDossier.id, expectedVersion: 1 }],
    });
    expect(bulk.results).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: "NOT_FOUND" }) })]);
    expect(
      await code(
        callerFor(hanoi.leader.id).dossier.act({
          action: "ASSIGN",
          dossierId: hueDossier.id,
          expectedVersion: 1,
          idempotencyKey: key(),
          payload: { assigneeId: hanoi.specialist.id },
        }),
      ),
    ).toBe("NOT_FOUND");
    // A Hà Nội leader cannot hand a Hà Nội dossier to a Huế specialist.
    expect(await code(act(db, hanoi.leader.id, hanoiDossier.id, { action: "ASSIGN", payload: { assigneeId: hue.specialist.id } }, T0))).toBe("VALIDATION");
    // Nor file a dossier at the Huế desk.
    expect(
      await code(
        callerFor(hanoi.reception.id).dossier.intake({
          agencyId: hue.agency.id,
          procedureVersionId: hue.version.id,
          channel: 1,
          applicantName: "Trần Văn B",
          checklist: hue.components.map((c) => c.id),
          idempotencyKey: key(),
        }),
      ),
    ).toBe("FORBIDDEN");

    const after = await db.dossier.findUniqueOrThrow({ where: { id: hueDossier.id } });
    expect(after.version).toBe(before.version);
    expect(after.assigneeId).toBeNull();
    expect(await db.dossierEvent.count({ where: { dossierId: hueDossier.id } })).toBe(1);
    // The assignee list offers only the handling agency's specialists.
    const assignees = await listAssignees(db, { actorUserId: hanoi.leader.id, dossierId: hanoiDossier.id });
    expect(assignees.map((a) => a.id).sort()).toEqual([hanoi.specialist.id, hanoi.specialist2.id].sort());
  });

  it("lets the ministry's controllers read across agencies but never act; a provincial controller reads only their province", async () => {
    const detail = await getDossierDetail(db, { actorUserId: controller.id, dossierId: hueDossier.id });
    expect(detail).toMatchObject({ id: hueDossier.id, canAct: false, availableActions: [] });
    const page = await listWorklist(db, { actorUserId: controller.id, view: "all", q: "pham minh khoi", limit: 100 });
    expect(page.items.map((i) => i.id).sort()).toEqual([hanoiDossier.id, hueDossier.id].sort());
    expect((await countsByStatus(db, { actorUserId: controller.id, agencyId: hue.agency.id })).total).toBeGreaterThan(0);
    expect(await code(act(db, controller.id, hueDossier.id, { action: "COMMENT", payload: { note: "x" } }, T0))).toBe("FORBIDDEN");
    expect(await code(callerFor(controller.id).dossier.act({ action: "COMMENT", dossierId: hueDossier.id, expectedVersion: 1, idempotencyKey: key(), payload: { note: "x" } }))).toBe(
      "FORBIDDEN",
    );

    expect(await code(getDossierDetail(db, { actorUserId: provincialController.id, dossierId: hueDossier.id }))).toBe("NOT_FOUND");
    const own = await getDossierDetail(db, { actorUserId: provincialController.id, dossierId: hanoiDossier.id });
    expect(own.canAct).toBe(false);
    expect(await code(act(db, provincialController.id, hanoiDossier.id, { action: "COMMENT", payload: { note: "x" } }, T0))).toBe("FORBIDDEN");
  });

  it("keeps citizens out of the officers' router", async () => {
    const citizen = await createUser(db);
    expect(await code(callerFor(citizen.id, "CITIZEN").dossier.worklist({ view: "all" }))).toBe("FORBIDDEN");
  });

  it("lists actions per actor on the detail page, as the workflow table says", async () => {
    const fresh = await intake(db, hanoi);
    const asLeader = await getDossierDetail(db, { actorUserId: hanoi.leader.id, dossierId: fresh.id }, { now: T0 });
    expect(asLeader.availableActions.map((a) => a.action).sort()).toEqual(["ASSIGN", "COMMENT", "EXTEND", "STOP"]);
    const asSpecialist = await getDossierDetail(db, { actorUserId: hanoi.specialist.id, dossierId: fresh.id }, { now: T0 });
    expect(asSpecialist.availableActions.map((a) => a.action)).toEqual(["COMMENT"]);
    await act(db, hanoi.leader.id, fresh.id, { action: "ASSIGN", payload: { assigneeId: hanoi.specialist.id } }, T0);
    const assigned = await getDossierDetail(db, { actorUserId: hanoi.specialist.id, dossierId: fresh.id }, { now: T0 });
    expect(assigned.availableActions.map((a) => a.action).sort()).toEqual(["COMMENT", "FORWARD", "REQUEST_FEE", "REQUEST_SUPPLEMENT"]);
    expect(assigned).toMatchObject({ version: 2, assignee: { id: hanoi.specialist.id }, currentStep: { kind: "APPRAISAL" } });
    expect(assigned.events.map((e) => [e.action, e.actorName])).toEqual([
      ["INTAKE", hanoi.reception.name],
      ["ASSIGN", hanoi.leader.name],
    ]);
    expect(assigned.steps.map((s) => [s.kind, s.holderName, s.onTime])).toEqual([
      ["RECEPTION", hanoi.reception.name, true],
      ["APPRAISAL", hanoi.specialist.name, null],
    ]);
    expect(assigned.clockEvents.map((c) => c.kind)).toEqual(["START"]);
  });
});

describe("the dossier router over HTTP", () => {
  async function post(path: string, userId: string, input: unknown) {
    const request = new Request(`http://127.0.0.1/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => ({ db, session: { id: userId, kind: "OFFICER" as const }, locale: "vi" as const, headers: request.headers }),
    });
    const body = (await response.json()) as { error?: { json: unknown; meta?: unknown }; result?: { data: { json: unknown; meta?: unknown } } };
    const payload = body.error ?? body.result!.data;
    const data = superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]) as {
      data: { appCode: string; userMessage: string; details: { current: TDossierState } };
      replayed?: boolean;
      dossier?: TDossierState;
    };
    return { status: response.status, data };
  }

  it("sends CONFLICT (409) with the dossier's current state and a translated message", async () => {
    const desk = await createDesk(db);
    const d = await intake(db, desk);
    await act(db, desk.leader.id, d.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, T0);
    const res = await post("dossier.act", desk.leader.id, {
      action: "COMMENT",
      dossierId: d.id,
      expectedVersion: 1,
      idempotencyKey: key(),
      payload: { note: "stale" },
    });
    expect(res.status).toBe(409);
    expect(res.data.data).toMatchObject({ appCode: "CONFLICT", details: { current: { id: d.id, version: 2, assigneeId: desk.specialist.id, status: "RECEIVED" } } });
    expect(res.data.data.details.current.dueAt).toBeInstanceOf(Date);
    expect(typeof res.data.data.userMessage).toBe("string");

    const ok = await post("dossier.act", desk.leader.id, { action: "COMMENT", dossierId: d.id, expectedVersion: 2, idempotencyKey: key(), payload: { note: "ok" } });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ replayed: false, dossier: { version: 3 } });
  });
});
