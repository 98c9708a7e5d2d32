import { describe, expect, it } from "vitest";
import { useTestDb } from "../../test/db";
import { createUser, uniqueToken } from "../../test/factories";
import { act, createDesk, intake, T0 } from "../../test/desk";
import { AppError } from "../../errors";
import { verifyTrackGrant } from "./grant";
import { checkTrackingIdNumber } from "./commands/check-id-number";
import { getFullTracking, trackDossier } from "./queries/lookups";
import { idNumbersMatch } from "./id-number";
import { getPublicTracking, loadFullTracking } from "./queries/views";
import { hitRateLimit } from "./commands/hit-rate-limit";
import { lookupsPerClient } from "./rate-limit";

const db = useTestDb();
const SECRET = "s".repeat(48);
const ID_NUMBER = "079203004567";

function uniqueIp(): string {
  const n = parseInt(uniqueToken().slice(-6), 36);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function personalDossier() {
  const desk = await createDesk(db);
  const token = uniqueToken();
  const personal = {
    applicantName: `Phạm Thị Riêng Tư ${token}`,
    applicantIdNumber: ID_NUMBER,
    applicantAddress: `Số 12 ngõ Bí Mật ${token}, Hà Nội`,
    applicantPhone: "0912345678",
    applicantEmail: `rieng.tu.${token.toLowerCase()}@example.test`,
  };
  const created = await intake(db, desk, personal);
  const dossierId = created.id;
  await act(db, desk.reception.id, dossierId, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, new Date(T0.getTime() + 60_000));
  const note = `Ghi chú nội bộ ${token}`;
  await act(db, desk.reception.id, dossierId, { action: "COMMENT", payload: { note } }, new Date(T0.getTime() + 120_000));
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
  return { desk, dossier, personal, note };
}

async function expectRateLimited(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("RATE_LIMITED");
}

describe("getPublicTracking", () => {
  it("carries no personal data, notes or officer names even when the dossier has them", async () => {
    const { desk, dossier, personal, note } = await personalDossier();
    const view = await getPublicTracking(db, { code: dossier.code.toLowerCase() });
    expect(view).not.toBeNull();
    expect(Object.keys(view!).sort()).toEqual(
      [
        "code", "procedureCode", "procedureName", "handlingAgency", "receivingAgency", "status", "stage",
        "submittedAt", "receivedAt", "dueAt", "finishedAt", "returnedAt", "paused", "timeliness", "timeline",
      ].sort(),
    );
    for (const entry of view!.timeline) expect(Object.keys(entry).sort()).toEqual(["action", "at", "stage", "status"]);
    const text = JSON.stringify(view);
    for (const secret of [...Object.values(personal), note, desk.reception.name, desk.specialist.name, "COMMENT", "ASSIGN"]) {
      expect(text).not.toContain(secret);
    }
    expect(view).toMatchObject({ code: dossier.code, status: "RECEIVED", timeliness: expect.any(String) });
    expect(view!.timeline[0]).toMatchObject({ action: "INTAKE", status: "RECEIVED" });
  });

  it("does not find training-mode dossiers", async () => {
    const { dossier } = await personalDossier();
    await db.dossier.update({ where: { id: dossier.id }, data: { isTest: true } });
    expect(await getPublicTracking(db, { code: dossier.code })).toBeNull();
    await expect(trackDossier(db, { code: dossier.code, clientKey: uniqueIp(), secret: SECRET })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      checkTrackingIdNumber(db, { code: dossier.code, idNumber: ID_NUMBER, clientKey: uniqueIp(), secret: SECRET }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the public view's plain SQL", () => {
  it("gives the same public view as the full view's Prisma query, through the pool and inside a transaction", async () => {
    const { desk, dossier } = await personalDossier();
    const minute = 60_000;
    const at = (n: number) => new Date(T0.getTime() + (10 + n) * minute);
    // Stage moves, a supplement round (a public event with a pause), an internal comment, a result.
    await act(db, desk.specialist.id, dossier.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["Bản sao"], note: "Thiếu" } }, at(1));
    await act(db, desk.reception.id, dossier.id, { action: "RESUME" }, at(2));
    await act(db, desk.specialist.id, dossier.id, { action: "FORWARD", payload: { assigneeId: desk.leader.id } }, at(3));
    await act(db, desk.leader.id, dossier.id, { action: "SEND_BACK", payload: { note: "Bổ sung nhận xét" } }, at(4));
    await act(db, desk.specialist.id, dossier.id, { action: "FORWARD", payload: { assigneeId: desk.leader.id } }, at(5));
    await act(db, desk.leader.id, dossier.id, { action: "APPROVE" }, at(6));
    await act(db, desk.clerk.id, dossier.id, { action: "ISSUE_RESULT", payload: { resultNumber: "7/GCN" } }, at(7));
    await act(db, desk.reception.id, dossier.id, { action: "RETURN_RESULT", payload: { method: "AT_DESK" } }, at(8));

    const now = at(9);
    const viaSql = await getPublicTracking(db, { code: dossier.code }, { now });
    const inTransaction = await db.$transaction((tx) => getPublicTracking(tx as never, { code: dossier.code }, { now }));
    const full = (await loadFullTracking(db, { code: dossier.code }, { now }))!.view;
    const publicPart: Record<string, unknown> = Object.fromEntries(Object.keys(viaSql!).map((k) => [k, full[k as keyof typeof full]]));
    // The full view's timeline adds notes and items; the public one has only these keys.
    publicPart.timeline = full.timeline.map(({ at, action, status, stage }) => ({ at, action, status, stage }));
    expect(viaSql).toEqual(publicPart);
    expect(inTransaction).toEqual(viaSql);
    expect(viaSql!.timeline.map((e) => e.action)).toEqual([
      "INTAKE", "REQUEST_SUPPLEMENT", "RESUME", "FORWARD", "SEND_BACK", "FORWARD", "APPROVE", "ISSUE_RESULT", "RETURN_RESULT",
    ]);
    expect(viaSql!.timeline.every((e) => e.at instanceof Date)).toBe(true);
    expect(viaSql).toMatchObject({ status: "RETURNED", code: dossier.code, procedureCode: expect.any(String) });
  });
});

describe("ID-number check and the full view", () => {
  it("a wrong number is refused; the right one (spaces ignored) grants the full view for that code only", async () => {
    const { dossier, personal } = await personalDossier();
    const ip = uniqueIp();
    expect(await checkTrackingIdNumber(db, { code: dossier.code, idNumber: "079203004568", clientKey: ip, secret: SECRET })).toEqual({ ok: false, code: dossier.code });
    const right = await checkTrackingIdNumber(db, { code: dossier.code, idNumber: "0792 0300 4567", clientKey: ip, secret: SECRET });
    expect(right.ok).toBe(true);
    const grant = right.ok ? right.grant : "";
    expect(verifyTrackGrant(SECRET, grant, dossier.code)).toBe(true);

    const withGrant = await trackDossier(db, { code: dossier.code, clientKey: ip, secret: SECRET, grant });
    expect(withGrant.access).toBe("ID_NUMBER");
    expect(withGrant.full).toMatchObject({ applicantName: personal.applicantName, code: dossier.code });

    const anonymous = await trackDossier(db, { code: dossier.code, clientKey: ip, secret: SECRET });
    expect(anonymous).toMatchObject({ access: "PUBLIC", full: null });

    const other = await personalDossier();
    expect(await getFullTracking(db, { code: other.dossier.code, secret: SECRET, grant })).toBeNull();
  });

  it("the owner's session shows the full view; another user's does not", async () => {
    const { dossier } = await personalDossier();
    const owner = await createUser(db);
    const stranger = await createUser(db);
    await db.dossier.update({ where: { id: dossier.id }, data: { ownerId: owner.id } });
    expect((await getFullTracking(db, { code: dossier.code, secret: SECRET, viewerUserId: owner.id }))?.via).toBe("OWNER");
    expect(await getFullTracking(db, { code: dossier.code, secret: SECRET, viewerUserId: stranger.id })).toBeNull();
  });

  it("compares ID numbers exactly and never matches a dossier without one", () => {
    expect(idNumbersMatch("079203004567", "079203004567")).toBe(true);
    expect(idNumbersMatch("079203004567", "07920300456")).toBe(false);
    expect(idNumbersMatch(null, "079203004567")).toBe(false);
  });
});

describe("rate limits", () => {
  it(`refuses the look-up past ${lookupsPerClient().limit} per minute from one client, not from another`, async () => {
    const { dossier } = await personalDossier();
    const ip = uniqueIp();
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1000);
    const limit = lookupsPerClient().limit;
    for (let i = 0; i < limit; i++) await trackDossier(db, { code: dossier.code, clientKey: ip, secret: SECRET }, { now });
    await expectRateLimited(trackDossier(db, { code: dossier.code, clientKey: ip, secret: SECRET }, { now }));
    await expect(trackDossier(db, { code: dossier.code, clientKey: uniqueIp(), secret: SECRET }, { now })).resolves.toMatchObject({ access: "PUBLIC" });
    // The next window starts afresh.
    await expect(trackDossier(db, { code: dossier.code, clientKey: ip, secret: SECRET }, { now: new Date(now.getTime() + 60_000) })).resolves.toBeTruthy();
  });

  it("allows 5 wrong ID numbers per code per 15 minutes, from any client, then refuses even the right one", async () => {
    const { dossier } = await personalDossier();
    const other = await personalDossier();
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      const result = await checkTrackingIdNumber(db, { code: dossier.code, idNumber: `00000000000${i}`, clientKey: uniqueIp(), secret: SECRET }, { now });
      expect(result.ok).toBe(false);
    }
    await expectRateLimited(checkTrackingIdNumber(db, { code: dossier.code, idNumber: ID_NUMBER, clientKey: uniqueIp(), secret: SECRET }, { now }));
    // Another dossier's counter is its own.
    expect((await checkTrackingIdNumber(db, { code: other.dossier.code, idNumber: ID_NUMBER, clientKey: uniqueIp(), secret: SECRET }, { now })).ok).toBe(true);
    // After the window the right number works again.
    const later = new Date(now.getTime() + 15 * 60_000);
    expect((await checkTrackingIdNumber(db, { code: dossier.code, idNumber: ID_NUMBER, clientKey: uniqueIp(), secret: SECRET }, { now: later })).ok).toBe(true);
  });

  it("right ID numbers do not use up the per-code allowance", async () => {
    const { dossier } = await personalDossier();
    const now = new Date();
    for (let i = 0; i < 8; i++) {
      expect((await checkTrackingIdNumber(db, { code: dossier.code, idNumber: ID_NUMBER, clientKey: uniqueIp(), secret: SECRET }, { now })).ok).toBe(true);
    }
  });

  it("counts concurrent hits exactly (one row per key and window, atomic increments)", async () => {
    const rule = { name: `it-${uniqueToken()}`, limit: 10, windowMs: 60_000 };
    const now = new Date();
    const hits = await Promise.all(Array.from({ length: 15 }, () => hitRateLimit(db, { rule, subject: "client" }, { now })));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
  });
});
