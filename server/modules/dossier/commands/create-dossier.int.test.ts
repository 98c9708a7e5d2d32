import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../errors";
import { useTestDb } from "../../../test/db";
import { createAgency, createProcedure, dossierInput, uniqueToken } from "../../../test/factories";
import { allocateDossierCode, reserveDossierCodes } from "./allocate-dossier-code";
import { parseDossierCode } from "../dossier-code";
import { createDossier } from "./create-dossier";

// A pool of 20: enough for real contention on the counter row.
const db = useTestDb({ max: 20 });

/** 10:00 in Hà Nội on Tuesday 10 March 2026. */
const MORNING = new Date("2026-03-10T03:00:00Z");

async function setup() {
  const agency = await createAgency(db);
  const { version } = await createProcedure(db, { agencyIds: [agency.id] });
  return { agency, version, base: { procedureVersionId: version.id, agencyId: agency.id } };
}

function numberOf(code: string): number {
  const parsed = parseDossierCode(code);
  if (!parsed) throw new Error(`unparseable code ${code}`);
  return parsed.number;
}

async function counterOf(agencyId: string, day: string) {
  const row = await db.dossierCodeCounter.findUnique({ where: { agencyId_day: { agencyId, day } } });
  return row?.lastNumber ?? 0;
}

describe("createDossier", () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it("gives 200 concurrent online submissions at one agency the codes 0001..0200, without errors", async () => {
    const { agency, base } = await setup();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        createDossier(db, dossierInput(base, { channel: 2, status: "NEW", submittedAt: MORNING }), { maxWaitMs: 60_000, timeoutMs: 60_000 }),
      ),
    );

    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(code.startsWith(`${agency.code}-260310-`)).toBe(true);
    const numbers = codes.map(numberOf).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(codes).toContain(`${agency.code}-260310-0001`);
    expect(codes).toContain(`${agency.code}-260310-0200`);
    expect(results.every((r) => r.status === "NEW" && !r.replayed)).toBe(true);

    expect(await db.dossier.count({ where: { receivingAgencyId: agency.id } })).toBe(200);
    expect(await db.dossierEvent.count({ where: { action: "SUBMIT", dossier: { receivingAgencyId: agency.id } } })).toBe(200);
    expect(await counterOf(agency.id, "260310")).toBe(200);
  });

  it("numbers by the Vietnam-time day: 16:59:59Z and 17:00:00Z fall on different days", async () => {
    const { agency, base } = await setup();
    const before = await createDossier(db, dossierInput(base, { receivedAt: new Date("2026-03-10T16:59:59Z") }));
    const after = await createDossier(db, dossierInput(base, { receivedAt: new Date("2026-03-10T17:00:00Z") }));
    const later = await createDossier(db, dossierInput(base, { receivedAt: new Date("2026-03-11T16:59:59.999Z") }));
    expect(before.code).toBe(`${agency.code}-260310-0001`);
    expect(after.code).toBe(`${agency.code}-260311-0001`);
    expect(later.code).toBe(`${agency.code}-260311-0002`);
  });

  it("does not consume a number when the transaction fails after allocation", async () => {
    const { agency, base } = await setup();

    await expect(
      db.$transaction(async (tx) => {
        const allocated = await allocateDossierCode(tx, { agencyId: agency.id, agencyCode: agency.code, at: MORNING });
        expect(allocated.number).toBe(1);
        throw new Error("fails after allocation");
      }),
    ).rejects.toThrow("fails after allocation");

    // Through the command itself: the dossier insert fails (unknown owner) after the code was taken.
    await expect(createDossier(db, dossierInput(base, { receivedAt: MORNING, ownerId: "no-such-user" }))).rejects.toThrow();

    expect(await counterOf(agency.id, "260310")).toBe(0);
    const first = await createDossier(db, dossierInput(base, { receivedAt: MORNING }));
    expect(first.code).toBe(`${agency.code}-260310-0001`);
    expect(await db.dossier.count({ where: { receivingAgencyId: agency.id } })).toBe(1);
  });

  it("returns the same dossier when an idempotency key is replayed, sequentially or concurrently", async () => {
    const { agency, base } = await setup();
    const input = dossierInput(base, { receivedAt: MORNING });
    const first = await createDossier(db, input);
    const again = await createDossier(db, { ...input, applicantName: "Người khác" });
    expect(again).toEqual({ ...first, replayed: true });

    const racedInput = dossierInput(base, { receivedAt: MORNING });
    const raced = await Promise.all(Array.from({ length: 8 }, () => createDossier(db, racedInput)));
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(raced.filter((r) => !r.replayed)).toHaveLength(1);

    expect(await db.dossier.count({ where: { receivingAgencyId: agency.id } })).toBe(2);
    expect(await db.dossierEvent.count({ where: { idempotencyKey: { in: [input.idempotencyKey, racedInput.idempotencyKey] } } })).toBe(2);
    // The losers of the race rolled back, numbers included: the next dossier is 0003.
    const next = await createDossier(db, dossierInput(base, { receivedAt: MORNING }));
    expect(next.code).toBe(`${agency.code}-260310-0003`);
  });

  it("refuses an idempotency key that belongs to another kind of command", async () => {
    const { id: dossierId } = await createDossier(db, dossierInput(ctx.base, { receivedAt: MORNING }));
    const key = `it-comment-${uniqueToken()}`;
    await db.dossierEvent.create({
      data: { dossierId, action: "COMMENT", toStatus: "RECEIVED", idempotencyKey: key, resultingVersion: 1 },
    });
    const error = await createDossier(db, dossierInput(ctx.base, { idempotencyKey: key })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
  });

  it("counts two agencies on the same day independently", async () => {
    const a = await setup();
    const b = await setup();
    const calls = [a, b, a, b, a, a, b].map((s) =>
      createDossier(db, dossierInput(s.base, { receivedAt: MORNING })).then((r) => ({ agency: s.agency.code, code: r.code })),
    );
    const results = await Promise.all(calls);
    const numbersAt = (code: string) =>
      results
        .filter((r) => r.agency === code)
        .map((r) => numberOf(r.code))
        .sort((x, y) => x - y);
    expect(numbersAt(a.agency.code)).toEqual([1, 2, 3, 4]);
    expect(numbersAt(b.agency.code)).toEqual([1, 2, 3]);
    for (const r of results) expect(r.code.startsWith(`${r.agency}-260310-`)).toBe(true);
  });

  it("stores the applicant snapshot, search text, the INTAKE event and training-mode test flag", async () => {
    const agency = await createAgency(db, { trainingMode: true });
    const { version } = await createProcedure(db, { agencyIds: [agency.id] });
    const user = await db.user.create({ data: { name: "Cán bộ tiếp nhận", email: `rec-${uniqueToken()}@example.test` } });
    const created = await createDossier(
      db,
      dossierInput(
        { procedureVersionId: version.id, agencyId: agency.id },
        {
          applicantName: "Đặng Thị Huyền",
          applicantIdNumber: "079190001234",
          receivedAt: MORNING,
          actor: { userId: user.id, role: "RECEPTION_OFFICER" },
          deviceAt: new Date("2026-03-10T02:59:00Z"),
        },
      ),
    );
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(dossier).toMatchObject({
      status: "RECEIVED",
      channel: 1,
      version: 1,
      isTest: true,
      receivingAgencyId: agency.id,
      handlingAgencyId: agency.id,
      procedureVersionId: version.id,
      receivedAt: MORNING,
      submittedAt: MORNING,
      searchText: `${created.code.toLowerCase()} dang thi huyen 079190001234`,
    });
    expect(dossier.events).toHaveLength(1);
    expect(dossier.events[0]).toMatchObject({
      action: "INTAKE",
      fromStatus: null,
      toStatus: "RECEIVED",
      actorId: user.id,
      actorRole: "RECEPTION_OFFICER",
      resultingVersion: 1,
      deviceAt: new Date("2026-03-10T02:59:00Z"),
    });
  });

  it("computes the due date of a received dossier on the handling agency's calendar and starts the clock", async () => {
    // DOMAIN.md's example: 5 working days, received Friday 13 Feb 2026 10:00 with the Tết break
    // 14-22 Feb 2026 (an agency-local calendar here, so no other test sees these days off).
    const receiving = await createAgency(db);
    const handling = await createAgency(db);
    const { version } = await createProcedure(db, { agencyIds: [handling.id], limitValue: 5 });
    await db.holiday.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({
        date: new Date(Date.UTC(2026, 1, 14 + i)),
        nameVi: "Tết Nguyên đán",
        nameEn: "Lunar New Year",
        agencyId: handling.id,
      })),
    });
    const receivedAt = new Date("2026-02-13T03:00:00Z");
    const created = await createDossier(
      db,
      dossierInput({ procedureVersionId: version.id, agencyId: receiving.id }, { handlingAgencyId: handling.id, receivedAt }),
    );
    const due = new Date("2026-02-27T10:00:00Z"); // Friday 27 Feb 2026, 17:00 in Hà Nội
    expect(created.dueAt).toEqual(due);
    // The code is the receiving agency's.
    expect(created.code).toBe(`${receiving.code}-260213-0001`);

    const dossier = await db.dossier.findUniqueOrThrow({
      where: { id: created.id },
      select: { dueAt: true, originalDueAt: true, handlingAgencyId: true, clockEvents: true, events: { select: { id: true } } },
    });
    expect(dossier).toMatchObject({ dueAt: due, originalDueAt: due, handlingAgencyId: handling.id });
    expect(dossier.clockEvents).toHaveLength(1);
    expect(dossier.clockEvents[0]).toMatchObject({ kind: "START", at: receivedAt, dueAt: due, eventId: dossier.events[0]?.id });

    // Without the holidays the same reception is due a week earlier: the calendar really was read.
    const plainAgency = await createAgency(db);
    const plain = await createProcedure(db, { agencyIds: [plainAgency.id], limitValue: 5 });
    const unbroken = await createDossier(db, dossierInput({ procedureVersionId: plain.version.id, agencyId: plainAgency.id }, { receivedAt }));
    expect(unbroken.dueAt).toEqual(new Date("2026-02-20T10:00:00Z"));
  });

  it("leaves an online submission without a due date or clock until it is received", async () => {
    const { base } = await setup();
    const created = await createDossier(db, dossierInput(base, { channel: 2, status: "NEW", submittedAt: MORNING }));
    expect(created.dueAt).toBeNull();
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, include: { clockEvents: true } });
    expect(dossier).toMatchObject({ status: "NEW", receivedAt: null, dueAt: null, originalDueAt: null, submittedAt: MORNING });
    expect(dossier.clockEvents).toHaveLength(0);
  });

  it("refuses invalid input and procedures the agency does not offer, without taking a number", async () => {
    const { agency, base } = await setup();
    const other = await setup();
    const attempts = [
      dossierInput(base, { applicantName: "" }),
      dossierInput(base, { channel: 2, status: "RECEIVED" }),
      dossierInput(base, { resultDelivery: "BY_POST" }),
      dossierInput(base, { procedureVersionId: "no-such-version" }),
      // The procedure of another agency.
      dossierInput({ procedureVersionId: other.version.id, agencyId: agency.id }),
    ];
    for (const input of attempts) {
      const error = await createDossier(db, { ...input, receivedAt: MORNING }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(["VALIDATION", "NOT_FOUND"]).toContain((error as AppError).code);
    }
    const onlineOnly = await createProcedure(db, { agencyIds: [agency.id], channels: [2] });
    const error = await createDossier(db, dossierInput({ procedureVersionId: onlineOnly.version.id, agencyId: agency.id })).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("VALIDATION");
    expect(await counterOf(agency.id, "260310")).toBe(0);
  });
});

describe("reserveDossierCodes", () => {
  it("moves the counter past a reserved block, so later dossiers never reuse it", async () => {
    const { agency, base } = await setup();
    const user = await db.user.create({ data: { name: "Cán bộ", email: `dev-${uniqueToken()}@example.test` } });
    await createDossier(db, dossierInput(base, { receivedAt: MORNING }));
    const block = await db.$transaction((tx) =>
      reserveDossierCodes(tx, {
        agencyId: agency.id,
        agencyCode: agency.code,
        at: MORNING,
        count: 5,
        userId: user.id,
        deviceId: "device-1",
        expiresAt: new Date("2026-03-10T10:00:00Z"),
      }),
    );
    expect(block.map((r) => r.number)).toEqual([2, 3, 4, 5, 6]);
    expect(block[0]?.code).toBe(`${agency.code}-260310-0002`);
    expect(await db.dossierCodeReservation.count({ where: { agencyId: agency.id, day: "260310" } })).toBe(5);

    const next = await createDossier(db, dossierInput(base, { receivedAt: MORNING }));
    expect(next.code).toBe(`${agency.code}-260310-0007`);
  });
});
