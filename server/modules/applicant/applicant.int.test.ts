import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { createUser, uniqueToken } from "../../test/factories";
import { signInWithPassword } from "../auth/commands/sign-in-with-password";
import { act, createDesk, intake, T0 } from "../../test/desk";
import { LocalDirectoryStore } from "../files/storage/object-store";
import { answerSupplement, storeSupplementFile } from "./commands/answer-supplement";
import { withdrawMyDossier } from "./commands/withdraw-dossier";
import { getMyDossier, listMyDossiers } from "./queries";
import { getProfile } from "../account/queries";
import { updateProfile } from "../account/commands/update-profile";
import { registerCitizen } from "../account/commands/register-citizen";

const db = useTestDb();
const store = new LocalDirectoryStore(mkdtempSync(join(tmpdir(), "motcua-account-")));
const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

function uniqueIdNumber(): string {
  return String(Date.now() % 1e6).padStart(6, "0") + String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
}

function uniquePhone(): string {
  return `09${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("registerCitizen", () => {
  it("creates a citizen who can sign in with the e-mail or the phone", async () => {
    const email = `dang.ky.${uniqueToken().toLowerCase()}@example.test`;
    const phone = uniquePhone();
    const user = await registerCitizen(db, { name: " Nguyễn  Văn An ", email: email.toUpperCase(), phone, password: "hoa-sen-2026", idNumber: uniqueIdNumber() });
    expect(user).toMatchObject({ kind: "CITIZEN", name: "Nguyễn Văn An", identifier: email });
    expect((await signInWithPassword(db, { identifier: email, password: "hoa-sen-2026" })).ok).toBe(true);
    expect((await signInWithPassword(db, { identifier: phone, password: "hoa-sen-2026" })).ok).toBe(true);
  });

  it("refuses a duplicate ID number, e-mail or phone with a field error each", async () => {
    const idNumber = uniqueIdNumber();
    const email = `trung.${uniqueToken().toLowerCase()}@example.test`;
    const phone = uniquePhone();
    await registerCitizen(db, { name: "Trần Thị Bình", email, phone, password: "binh-an-2026", idNumber });
    const dupId = await rejection(registerCitizen(db, { name: "Người khác", email: `khac.${uniqueToken().toLowerCase()}@example.test`, password: "khac-biet-99", idNumber }));
    expect(dupId).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { idNumber: "ID_NUMBER_TAKEN" } } });
    const dupEmail = await rejection(registerCitizen(db, { name: "Người khác", email, password: "khac-biet-99", idNumber: uniqueIdNumber() }));
    expect(dupEmail.details).toEqual({ fieldErrors: { email: "EMAIL_TAKEN" } });
    const dupPhone = await rejection(registerCitizen(db, { name: "Người khác", phone: `+84${phone.slice(1)}`, password: "khac-biet-99", idNumber: uniqueIdNumber() }));
    expect(dupPhone.details).toEqual({ fieldErrors: { phone: "PHONE_TAKEN" } });
    // Every problem at once, not one per attempt.
    const both = await rejection(registerCitizen(db, { name: "Người khác", email: `ba.${uniqueToken().toLowerCase()}@example.test`, password: "ngan1", idNumber }));
    expect(both.details).toEqual({ fieldErrors: { password: "TOO_SHORT", idNumber: "ID_NUMBER_TAKEN" } });
  });

  it("refuses weak passwords, a missing identifier and malformed values", async () => {
    const email = `yeu.${uniqueToken().toLowerCase()}@example.test`;
    const base = { name: "Lê Văn Cường", email, idNumber: uniqueIdNumber() };
    for (const [password, reason] of [
      ["ngan1", "TOO_SHORT"],
      ["chicochukhongso", "NEEDS_LETTER_AND_DIGIT"],
      [email, "SAME_AS_IDENTIFIER"],
    ] as const) {
      expect((await rejection(registerCitizen(db, { ...base, password }))).details).toEqual({ fieldErrors: { password: reason } });
    }
    const bad = await rejection(
      registerCitizen(db, { name: "", password: "hop-le-2026", idNumber: "12345", dateOfBirth: "2026-02-30", applicantType: "BUSINESS", taxCode: "abc" }),
    );
    expect(bad.details).toEqual({
      fieldErrors: {
        name: "REQUIRED",
        email: "EMAIL_OR_PHONE_REQUIRED",
        idNumber: "INVALID_ID_NUMBER",
        dateOfBirth: "INVALID_DATE",
        organisationName: "REQUIRED",
        taxCode: "INVALID_TAX_CODE",
      },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("profile", () => {
  it("saves the fields e-forms are prefilled with, and refuses another account's ID number", async () => {
    const other = await createUser(db);
    const user = await registerCitizen(db, { name: "Phạm Minh Châu", email: `hs.${uniqueToken().toLowerCase()}@example.test`, password: "chau-minh-2026", idNumber: uniqueIdNumber() });
    const idNumber = uniqueIdNumber();
    const phone = uniquePhone();
    const saved = await updateProfile(db, { userId: user.id,
      name: "Phạm Minh Châu",
      idNumber: `${idNumber.slice(0, 6)} ${idNumber.slice(6)}`,
      dateOfBirth: "1990-05-17",
      address: "12 Tràng Tiền, Hoàn Kiếm, Hà Nội",
      phone: `+84 ${phone.slice(1, 4)} ${phone.slice(4)}`,
      applicantType: "BUSINESS",
      organisationName: "Công ty TNHH Châu Minh",
      taxCode: "0101234567",
    });
    expect(saved).toMatchObject({ idNumber, phone, dateOfBirth: "1990-05-17", applicantType: "BUSINESS", taxCode: "0101234567" });
    expect(await getProfile(db, { userId: user.id })).toEqual(saved);
    const clash = await rejection(updateProfile(db, { userId: user.id, name: "Phạm Minh Châu", idNumber: other.idNumber! }));
    expect(clash.details).toEqual({ fieldErrors: { idNumber: "ID_NUMBER_TAKEN" } });
    const cleared = await rejection(updateProfile(db, { userId: user.id, name: "Phạm Minh Châu", idNumber: "" }));
    expect(cleared.details).toEqual({ fieldErrors: { idNumber: "REQUIRED" } });
  });
});

/** A received dossier owned by a new citizen, its clock paused by a supplement request. */
async function awaitingSupplement() {
  const desk = await createDesk(db);
  const owner = await createUser(db);
  const created = await intake(db, desk);
  await db.dossier.update({ where: { id: created.id }, data: { ownerId: owner.id } });
  const pausedAt = new Date("2026-03-11T02:00:00Z"); // Wednesday 09:00 in Hà Nội
  await act(db, desk.reception.id, created.id, { action: "REQUEST_SUPPLEMENT", payload: { items: ["Bản sao quyết định giao nhiệm vụ"], note: "Thiếu quyết định" } }, pausedAt);
  return { desk, owner, created, pausedAt };
}

describe("the citizen's dossiers", () => {
  it("lists only the owner's dossiers, newest first, with status, due date and what awaits them", async () => {
    const { owner, created } = await awaitingSupplement();
    const stranger = await createUser(db);
    const page = await listMyDossiers(db, { ownerId: owner.id });
    expect(page.items.map((i) => i.code)).toEqual([created.code]);
    expect(page.items[0]).toMatchObject({ status: "SUPPLEMENT_REQUESTED", awaitingApplicant: true, canRate: false, dueAt: expect.any(Date) });
    expect((await listMyDossiers(db, { ownerId: stranger.id })).items).toEqual([]);
    await expect(getMyDossier(db, { ownerId: stranger.id, code: created.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the supplement request and lets the owner answer with a note and a file: the clock resumes", async () => {
    const { owner, created, pausedAt } = await awaitingSupplement();
    const mine = await getMyDossier(db, { ownerId: owner.id, code: created.code });
    expect(mine).toMatchObject({ canSupplement: true, canWithdraw: true, canRate: false });
    expect(mine.view.supplementRequest).toMatchObject({ note: "Thiếu quyết định", items: ["Bản sao quyết định giao nhiệm vụ"] });
    const before = await db.dossier.findUniqueOrThrow({ where: { id: created.id } });

    const file = await storeSupplementFile(db, { ownerId: owner.id, dossierCode: created.code, fileName: "quyet-dinh.pdf", bytes: PDF }, { store });
    const stranger = await createUser(db);
    await expect(storeSupplementFile(db, { ownerId: stranger.id, dossierCode: created.code, fileName: "x.pdf", bytes: PDF }, { store })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await rejection(storeSupplementFile(db, { ownerId: owner.id, dossierCode: created.code, fileName: "x.pdf", bytes: new TextEncoder().encode("<html>") }, { store }))).details).toMatchObject({ reason: "FILE_TYPE" });

    const resumedAt = new Date("2026-03-12T07:00:00Z"); // Thursday 14:00: 11 working hours on hold
    const key = `it-answer-${uniqueToken()}`;
    const answered = await answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: key, note: "Đã bổ sung quyết định", attachmentIds: [file.id] }, { now: resumedAt });
    expect(answered.dossier).toMatchObject({ status: "PROCESSING", pausedAt: null });
    expect(answered.dossier.dueAt!.getTime() - before.dueAt!.getTime()).toBeGreaterThan(0);
    const event = await db.dossierEvent.findUniqueOrThrow({ where: { id: answered.event.id } });
    expect(event).toMatchObject({ action: "SUPPLEMENT", actorId: owner.id, actorRole: null, note: "Đã bổ sung quyết định", fromStatus: "SUPPLEMENT_REQUESTED" });
    expect(event.payload).toMatchObject({ attachmentIds: [file.id], fields: [], pausedWorkingMs: 11 * 3_600_000 });
    expect(await db.dossierClockEvent.findFirst({ where: { dossierId: created.id, kind: "RESUME" } })).toMatchObject({ dueAt: answered.dossier.dueAt, at: resumedAt });
    expect(await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ dossierId: created.id, kind: "SUPPLEMENT" });
    expect(pausedAt.getTime()).toBeLessThan(resumedAt.getTime());

    // A replay answers the same; a second answer is not possible any more.
    const replay = await answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: key, note: "lại" });
    expect(replay).toMatchObject({ replayed: true, event: { id: answered.event.id } });
    expect((await rejection(answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, note: "lần hai" }))).code).toBe("INVALID_TRANSITION");
  });

  it("refuses an empty answer, other users' files and a stale version", async () => {
    const { owner, created, desk } = await awaitingSupplement();
    const empty = await rejection(answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}` }));
    expect(empty.details).toEqual({ fieldErrors: { form: "EMPTY_ANSWER" } });
    const otherOwner = await awaitingSupplement();
    const foreign = await storeSupplementFile(db, { ownerId: otherOwner.owner.id, dossierCode: otherOwner.created.code, fileName: "a.pdf", bytes: PDF }, { store });
    const notMine = await rejection(answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, attachmentIds: [foreign.id] }));
    expect(notMine.details).toEqual({ fieldErrors: { files: "FILES_UNAVAILABLE" } });
    const current = await db.dossier.findUniqueOrThrow({ where: { id: created.id } });
    await act(db, desk.reception.id, created.id, { action: "COMMENT", payload: { note: "đang chờ" } });
    const stale = await rejection(
      answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, note: "x", expectedVersion: current.version }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("corrects e-form fields: only changed fields count, invalid values are refused per input", async () => {
    const { owner, created } = await awaitingSupplement();
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, select: { procedureVersionId: true } });
    await db.procedureVersion.update({
      where: { id: dossier.procedureVersionId },
      data: {
        formSchema: {
          version: 1,
          fields: [
            { key: "taskName", type: "text", labelVi: "Tên nhiệm vụ", labelEn: "Task name", required: true, maxLength: 200 },
            { key: "budget", type: "number", labelVi: "Kinh phí", labelEn: "Budget", min: 0 },
          ],
        },
      },
    });
    await db.dossier.update({ where: { id: created.id }, data: { formData: { taskName: "Tên cũ", budget: 1500000 } } });
    const answer = (patch: Record<string, unknown>, note?: string) =>
      answerSupplement(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, formDataPatch: patch, note });

    expect((await rejection(answer({ taskName: "Tên cũ", budget: "1500000" }))).details).toEqual({ fieldErrors: { form: "EMPTY_ANSWER" } });
    expect((await rejection(answer({ taskName: "  " }, "sửa"))).details).toEqual({ fieldErrors: { "f.taskName": "eform.required" } });
    const done = await answer({ taskName: "Tên mới đã sửa", budget: "1500000" });
    const event = await db.dossierEvent.findUniqueOrThrow({ where: { id: done.event.id } });
    expect(event.payload).toMatchObject({ fields: ["taskName"], attachmentIds: [] });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: created.id } })).formData).toMatchObject({ taskName: "Tên mới đã sửa", budget: 1500000 });
  });

  it("lets the owner withdraw with a reason, and nobody else", async () => {
    const { owner, created } = await awaitingSupplement();
    const stranger = await createUser(db);
    await expect(withdrawMyDossier(db, { ownerId: stranger.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await rejection(withdrawMyDossier(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, reason: " " }))).details).toEqual({
      fieldErrors: { reason: "REQUIRED" },
    });
    const withdrawn = await withdrawMyDossier(db, { ownerId: owner.id, dossierCode: created.code, idempotencyKey: `it-${uniqueToken()}`, reason: "Không còn nhu cầu" }, { now: T0 });
    expect(withdrawn.dossier).toMatchObject({ status: "WITHDRAWN" });
    const event = await db.dossierEvent.findUniqueOrThrow({ where: { id: withdrawn.event.id } });
    expect(event).toMatchObject({ actorId: owner.id, note: "Không còn nhu cầu" });
    expect((await getMyDossier(db, { ownerId: owner.id, code: created.code })).canWithdraw).toBe(false);
  });

  it("officers still cannot answer for the applicant", async () => {
    const { desk, created } = await awaitingSupplement();
    const error = await rejection(act(db, desk.reception.id, created.id, { action: "SUPPLEMENT", payload: {} }));
    expect(error.code).toBe("FORBIDDEN");
  });
});
