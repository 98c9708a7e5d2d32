import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { createUser, uniqueToken } from "../../test/factories";
import { act, createDesk, intake } from "../../test/desk";
import { createTrackGrant } from "../tracking/grant";
import { rateDossier } from "./commands/rate-dossier";

const db = useTestDb();
const SECRET = "r".repeat(48);
const SCORES = { overall: 5, timeliness: 4, staffAttitude: 5, contactsNeeded: 3 };

async function returnedDossier() {
  const desk = await createDesk(db);
  const owner = await createUser(db);
  const created = await intake(db, desk);
  await db.dossier.update({ where: { id: created.id }, data: { ownerId: owner.id } });
  const at = (h: number) => new Date(Date.UTC(2026, 2, 11, h));
  await act(db, desk.leader.id, created.id, { action: "ASSIGN", payload: { assigneeId: desk.specialist.id } }, at(1));
  await act(db, desk.specialist.id, created.id, { action: "FORWARD", payload: { assigneeId: desk.leader.id } }, at(2));
  await act(db, desk.leader.id, created.id, { action: "APPROVE" }, at(3));
  const beforeReturn = await db.dossier.findUniqueOrThrow({ where: { id: created.id } });
  await act(db, desk.clerk.id, created.id, { action: "ISSUE_RESULT", payload: { resultNumber: `12/${uniqueToken()}` } }, at(4));
  return { desk, owner, created, beforeReturn, returnIt: () => act(db, desk.reception.id, created.id, { action: "RETURN_RESULT", payload: { method: "AT_DESK" } }, at(5)) };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("rateDossier", () => {
  it("rates a returned dossier once; the second time is ALREADY_RATED", async () => {
    const { owner, created, returnIt } = await returnedDossier();
    const early = await rejection(rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, viewerUserId: owner.id }));
    expect(early).toMatchObject({ code: "INVALID_TRANSITION", details: { reason: "NOT_RETURNED" } });
    await returnIt();

    const rating = await rateDossier(db, { code: created.code.toLowerCase(), scores: SCORES, comment: "  Nhanh, chu đáo ", secret: SECRET, viewerUserId: owner.id });
    expect(await db.rating.findUniqueOrThrow({ where: { id: rating.id } })).toMatchObject({ dossierId: created.id, scores: SCORES, comment: "Nhanh, chu đáo" });
    const again = await rejection(rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, viewerUserId: owner.id }));
    expect(again).toMatchObject({ code: "CONFLICT", details: { reason: "ALREADY_RATED" } });
    expect(await db.rating.count({ where: { dossierId: created.id } })).toBe(1);
  });

  it("accepts the code + ID-number grant; refuses strangers, other codes' grants and bad scores", async () => {
    const { created, returnIt } = await returnedDossier();
    await returnIt();
    const stranger = await createUser(db);
    expect((await rejection(rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, viewerUserId: stranger.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET }))).code).toBe("NOT_FOUND");
    const otherGrant = createTrackGrant(SECRET, "000.00.00.X00-260101-0001");
    expect((await rejection(rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, grant: otherGrant }))).code).toBe("NOT_FOUND");
    const bad = await rejection(rateDossier(db, { code: created.code, scores: { ...SCORES, overall: 6 }, secret: SECRET, grant: createTrackGrant(SECRET, created.code) }));
    expect(bad.code).toBe("VALIDATION");
    const ok = await rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, grant: createTrackGrant(SECRET, created.code) });
    expect(ok.id).toBeTruthy();
  });

  it("two concurrent ratings leave exactly one", async () => {
    const { owner, created, returnIt } = await returnedDossier();
    await returnIt();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => rateDossier(db, { code: created.code, scores: SCORES, secret: SECRET, viewerUserId: owner.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.rating.count({ where: { dossierId: created.id } })).toBe(1);
  });
});
