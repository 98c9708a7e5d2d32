import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { createAgency, createProcedure, createUser, uniqueToken } from "../../test/factories";
import { useTestDb } from "../../test/db";
import { createDossier } from "../dossier/commands/create-dossier";
import type { TFormSchema } from "../eform/format";
import { deleteDraftAttachment } from "../files/commands/delete-draft-attachment";
import { openAttachment } from "../files/queries";
import { resolveUploadTarget, storeAttachment } from "../files/commands/store-attachment";
import { LocalDirectoryStore } from "../files/storage/object-store";
import { getDraft } from "./queries";
import { saveDraft } from "./commands/save-draft";
import { submitDraft } from "./commands/submit-draft";
import type { TDraftData } from "./schema";

const db = useTestDb({ max: 5 });

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const HTML = new TextEncoder().encode("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>");
const SCRIPT = '<script>alert("x")</script>';

const FORM: TFormSchema = {
  version: 1,
  fields: [
    { key: "taskName", type: "text", labelVi: "Tên nhiệm vụ", labelEn: "Task", required: true, maxLength: 500, multiline: true },
    { key: "budget", type: "number", labelVi: "Kinh phí", labelEn: "Budget", required: true, min: 0 },
    { key: "site", type: "address", labelVi: "Địa chỉ", labelEn: "Address", required: true },
    {
      key: "members",
      type: "group",
      labelVi: "Thành viên",
      labelEn: "Members",
      repeatable: true,
      required: true,
      maxItems: 5,
      fields: [{ key: "name", type: "text", labelVi: "Họ tên", labelEn: "Name", required: true }],
    },
  ],
};

let storeDir: string;
let store: LocalDirectoryStore;

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), "motcua-files-"));
  store = new LocalDirectoryStore(storeDir);
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

async function storedObjects(): Promise<number> {
  const files = await readdir(storeDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return files.filter((f) => f.isFile()).length;
}

async function setup(options: { trainingMode?: boolean; maxSizeBytes?: number } = {}) {
  const agency = await createAgency(db, { trainingMode: options.trainingMode ?? false });
  const other = await createAgency(db, { provinceName: "Huế" });
  const { version } = await createProcedure(db, { agencyIds: [agency.id, other.id] });
  await db.procedureVersion.update({ where: { id: version.id }, data: { formSchema: FORM as never } });
  const required = await db.documentComponent.create({
    data: { procedureVersionId: version.id, order: 1, nameVi: "Đơn đề nghị", nameEn: "Application", required: true, maxSizeBytes: options.maxSizeBytes ?? 10_485_760 },
  });
  const optional = await db.documentComponent.create({
    data: { procedureVersionId: version.id, order: 2, nameVi: "Giấy ủy quyền", nameEn: "Power of attorney", required: false, acceptedTypes: ["image/png", "image/jpeg"] },
  });
  const citizen = await createUser(db);
  const officer = await createUser(db, { memberships: [{ agencyId: agency.id, role: "RECEPTION_OFFICER" }] });
  const otherOfficer = await createUser(db, { memberships: [{ agencyId: other.id, role: "RECEPTION_OFFICER" }] });
  return { agency, other, version, required, optional, citizen, officer, otherOfficer };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

function completeData(ctx: Ctx, overrides: Partial<TDraftData> = {}): TDraftData {
  return {
    applicant: {
      applicantType: "CITIZEN",
      name: "Nguyễn Văn An",
      idNumber: "001090004521",
      phone: "0900000101",
      address: "Số 18 Nguyễn Trãi, phường Đống Đa, Hà Nội",
    },
    fields: {
      taskName: SCRIPT,
      budget: "150000000",
      site: { province: "Hà Nội", commune: "phường Đống Đa", street: "18 Nguyễn Trãi" },
      members: [{ name: "Trần Bình" }, { name: "" }],
    },
    agencyId: ctx.agency.id,
    resultDelivery: "AT_DESK",
    ...overrides,
  };
}

async function upload(ctx: Ctx, userId: string, componentId: string, bytes: Uint8Array, fileName: string, draftId?: string) {
  const target = await resolveUploadTarget(db, { actorUserId: userId, target: { kind: "draft", draftId, procedureVersionId: ctx.version.id, documentComponentId: componentId } });
  return storeAttachment(db, { upload: target, file: { fileName, bytes } }, { store });
}

async function expectAppError(promise: Promise<unknown>, code: string, reason?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (reason) expect(appError.details?.reason).toBe(reason);
  return appError;
}

async function dossiersOf(ownerId: string) {
  return db.dossier.findMany({ where: { ownerId }, select: { id: true, code: true } });
}

async function counter(agencyId: string): Promise<number> {
  const rows = await db.dossierCodeCounter.findMany({ where: { agencyId } });
  return rows.reduce((sum, r) => sum + r.lastNumber, 0);
}

describe("saveDraft / getDraft", () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  it("saves what was typed, resumes the same draft, keeps only the form's keys, and hides it from others", async () => {
    const first = await saveDraft(db, {
      ownerId: ctx.citizen.id,
      procedureVersionId: ctx.version.id,
      formData: { applicant: { name: "An", idNumber: "12", injected: "x" }, fields: { budget: "abc", ownerId: "someone-else" } } as TDraftData,
    });
    expect(first.formData.applicant).toEqual({ name: "An", idNumber: "12" });
    expect(first.formData.fields).toEqual({ budget: "abc", site: {}, members: [] });

    const again = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: { fields: { taskName: "x" } } });
    expect(again.id).toBe(first.id);
    expect(await db.dossierDraft.count({ where: { ownerId: ctx.citizen.id } })).toBe(1);

    const stranger = await createUser(db);
    await expectAppError(getDraft(db, { ownerId: stranger.id, draftId: first.id }), "NOT_FOUND");
    await expectAppError(
      saveDraft(db, { ownerId: stranger.id, procedureVersionId: ctx.version.id, draftId: first.id, formData: {} }),
      "NOT_FOUND",
    );
    expect((await getDraft(db, { ownerId: ctx.citizen.id, draftId: first.id })).formData.fields?.taskName).toBe("x");
  });

  it("gives two concurrent first saves one draft", async () => {
    const citizen = await createUser(db);
    const saves = await Promise.all(
      Array.from({ length: 4 }, () => saveDraft(db, { ownerId: citizen.id, procedureVersionId: ctx.version.id, formData: {} })),
    );
    expect(new Set(saves.map((s) => s.id)).size).toBe(1);
  });
});

describe("uploads", () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup({ maxSizeBytes: 4096 });
  });

  it.each([
    ["an .exe renamed .pdf", EXE, "don-de-nghi.pdf", "FILE_TYPE"],
    ["an HTML page renamed .png", HTML, "anh.png", "FILE_TYPE"],
    ["an empty file", new Uint8Array(0), "trong.pdf", "FILE_EMPTY"],
    ["a file over the component's limit", new Uint8Array([...PDF, ...new Uint8Array(5000)]), "lon.pdf", "FILE_TOO_LARGE"],
  ])("refuses %s and stores nothing", async (_name, bytes, fileName, reason) => {
    const before = await storedObjects();
    const rowsBefore = await db.attachment.count({ where: { uploadedById: ctx.citizen.id } });
    await expectAppError(upload(ctx, ctx.citizen.id, ctx.required.id, bytes, fileName), "VALIDATION", reason);
    expect(await storedObjects()).toBe(before);
    expect(await db.attachment.count({ where: { uploadedById: ctx.citizen.id } })).toBe(rowsBefore);
  });

  it("refuses a PDF where the component accepts only images", async () => {
    await expectAppError(upload(ctx, ctx.citizen.id, ctx.optional.id, PDF, "uy-quyen.pdf"), "VALIDATION", "FILE_TYPE");
  });

  it("stores a real file with its hash, keeps one file per slot, and lets only its owner read or remove it", async () => {
    const first = await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "C:\\scan\\Đơn đề nghị.pdf");
    expect(first).toMatchObject({ fileName: "Đơn đề nghị.pdf", mimeType: "application/pdf", sizeBytes: PDF.byteLength, documentComponentId: ctx.required.id });
    expect(first.draftId).toBeTruthy();
    const row = await db.attachment.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.storageKey).not.toContain("Đơn");

    const objects = await storedObjects();
    const second = await upload(ctx, ctx.citizen.id, ctx.required.id, PNG, "scan.png", first.draftId!);
    expect(second.draftId).toBe(first.draftId);
    expect(await db.attachment.count({ where: { draftId: first.draftId, documentComponentId: ctx.required.id } })).toBe(1);
    expect(await db.attachment.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await storedObjects()).toBe(objects);

    const opened = await openAttachment(db, { actorUserId: ctx.citizen.id, attachmentId: second.id }, { store });
    expect(opened.mimeType).toBe("image/png");
    expect(new Uint8Array(await new Response(opened.body).arrayBuffer())).toEqual(PNG);

    const stranger = await createUser(db);
    await expectAppError(openAttachment(db, { actorUserId: stranger.id, attachmentId: second.id }, { store }), "NOT_FOUND");
    // An officer cannot read a citizen's draft, even at the agency the citizen will file with.
    await expectAppError(openAttachment(db, { actorUserId: ctx.officer.id, attachmentId: second.id }, { store }), "NOT_FOUND");
    await expectAppError(deleteDraftAttachment(db, { ownerId: stranger.id, attachmentId: second.id }, { store }), "NOT_FOUND");
    await deleteDraftAttachment(db, { ownerId: ctx.citizen.id, attachmentId: second.id }, { store });
    expect(await storedObjects()).toBe(objects - 1);
  });

  it("does not let a citizen upload into someone else's draft", async () => {
    const mine = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: {} });
    const stranger = await createUser(db);
    await expectAppError(upload(ctx, stranger.id, ctx.required.id, PDF, "x.pdf", mine.id), "NOT_FOUND");
  });

  it("lets only officers upload scans, within their scope", async () => {
    await expectAppError(resolveUploadTarget(db, { actorUserId: ctx.citizen.id, target: { kind: "unfiled" } }), "FORBIDDEN");
    const scan = await storeAttachment(
      db,
      { upload: await resolveUploadTarget(db, { actorUserId: ctx.officer.id, target: { kind: "unfiled" } }), file: { fileName: "scan.pdf", bytes: PDF } },
      { store },
    );
    expect(scan).toMatchObject({ draftId: null, dossierId: null });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: scan.id } });
    expect(row.kind).toBe("SCAN");
  });
});

describe("submitDraft", () => {
  it("refuses a draft whose required document is missing, and stores nothing", async () => {
    const ctx = await setup();
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx) });
    const error = await expectAppError(
      submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` }),
      "VALIDATION",
      "SUBMISSION_INVALID",
    );
    expect(error.details?.issues).toEqual([{ path: `components.${ctx.required.id}`, key: "submission.componentRequired", vars: { order: 1 } }]);
    expect(await dossiersOf(ctx.citizen.id)).toEqual([]);
    expect(await counter(ctx.agency.id)).toBe(0);
    expect(await db.dossierDraft.findUnique({ where: { id: draft.id } })).not.toBeNull();
  });

  it("refuses invalid fields with their paths and message keys", async () => {
    const ctx = await setup();
    const data = completeData(ctx, { resultDelivery: "BY_POST" });
    data.applicant = { ...data.applicant, idNumber: "00109000452" };
    data.fields = { ...data.fields, budget: "-5", members: [{ name: "" }] };
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: data });
    await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const error = await expectAppError(
      submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` }),
      "VALIDATION",
    );
    const issues = (error.details?.issues as { path: string; key: string }[]).map((i) => `${i.path}:${i.key}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        "applicant.idNumber:eform.idNumber",
        "fields.budget:eform.min",
        "fields.members:eform.required",
        "deliveryAddress.province:eform.province",
      ]),
    );
    expect(await dossiersOf(ctx.citizen.id)).toEqual([]);
    expect(await counter(ctx.agency.id)).toBe(0);
  });

  it("refuses an agency that does not offer the procedure", async () => {
    const ctx = await setup();
    const stranger = await createAgency(db);
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx, { agencyId: stranger.id }) });
    await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const error = await expectAppError(submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` }), "VALIDATION");
    expect(error.details?.issues).toEqual([{ path: "agencyId", key: "submission.agencyRequired", vars: {} }]);
  });

  it("files the dossier, moves the files into it and deletes the draft, in one go; a replay answers with the same dossier", async () => {
    const ctx = await setup();
    const draft = await saveDraft(db, {
      ownerId: ctx.citizen.id,
      procedureVersionId: ctx.version.id,
      formData: completeData(ctx, { resultDelivery: "BY_POST", deliveryAddress: { province: "Huế", commune: "phường Thuận Hóa", street: "12 Lê Lợi" } }),
    });
    const pdf = await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const png = await upload(ctx, ctx.citizen.id, ctx.optional.id, PNG, "uy-quyen.png", draft.id);
    const key = `it-${uniqueToken()}`;

    const submitted = await submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: key });
    expect(submitted).toMatchObject({ status: "NEW", replayed: false });
    expect(submitted.code.startsWith(`${ctx.agency.code}-`)).toBe(true);

    const dossier = await db.dossier.findUniqueOrThrow({
      where: { id: submitted.id },
      include: { attachments: { orderBy: { createdAt: "asc" } }, events: true },
    });
    expect(dossier).toMatchObject({
      channel: 2,
      status: "NEW",
      ownerId: ctx.citizen.id,
      receivingAgencyId: ctx.agency.id,
      handlingAgencyId: ctx.agency.id,
      applicantName: "Nguyễn Văn An",
      applicantIdNumber: "001090004521",
      applicantPhone: "0900000101",
      resultDelivery: "BY_POST",
      deliveryAddress: "12 Lê Lợi, phường Thuận Hóa, Huế",
      isTest: false,
      receivedAt: null,
      dueAt: null,
    });
    // The e-form as validated: the script stored verbatim (it is text), numbers as numbers, blank rows gone.
    expect(dossier.formData).toEqual({
      taskName: SCRIPT,
      budget: 150000000,
      site: { province: "Hà Nội", commune: "phường Đống Đa", street: "18 Nguyễn Trãi" },
      members: [{ name: "Trần Bình" }],
    });
    expect(dossier.attachments.map((a) => [a.id, a.draftId, a.dossierId])).toEqual([
      [pdf.id, null, submitted.id],
      [png.id, null, submitted.id],
    ]);
    expect(dossier.events).toHaveLength(1);
    expect(dossier.events[0]).toMatchObject({ action: "SUBMIT", actorId: ctx.citizen.id, idempotencyKey: key });
    expect(await db.dossierDraft.findUnique({ where: { id: draft.id } })).toBeNull();

    const replay = await submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: key });
    expect(replay).toEqual({ ...submitted, replayed: true });
    expect(await dossiersOf(ctx.citizen.id)).toHaveLength(1);
    expect(await counter(ctx.agency.id)).toBe(1);

    // Once filed, the owner and the agency's officers may read the file; another agency may not.
    await openAttachment(db, { actorUserId: ctx.citizen.id, attachmentId: pdf.id }, { store });
    await openAttachment(db, { actorUserId: ctx.officer.id, attachmentId: pdf.id }, { store });
    await expectAppError(openAttachment(db, { actorUserId: ctx.otherOfficer.id, attachmentId: pdf.id }, { store }), "NOT_FOUND");
    // A filed file is no longer the citizen's to remove.
    await expectAppError(deleteDraftAttachment(db, { ownerId: ctx.citizen.id, attachmentId: pdf.id }, { store }), "NOT_FOUND");
  });

  it("refuses a key used by another citizen's submission", async () => {
    const ctx = await setup();
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx) });
    await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const key = `it-${uniqueToken()}`;
    await submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: key });
    const thief = await createUser(db);
    await expectAppError(submitDraft(db, { ownerId: thief.id, draftId: draft.id, idempotencyKey: key }), "CONFLICT", "KEY_REUSED");
  });

  it("makes one dossier when the same draft is submitted twice at once with different keys", async () => {
    const ctx = await setup();
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx) });
    const file = await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const results = await Promise.allSettled([
      submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` }),
      submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["CONFLICT", "NOT_FOUND"]).toContain((lost.reason as AppError).code);
    const dossiers = await dossiersOf(ctx.citizen.id);
    expect(dossiers).toHaveLength(1);
    // The loser's code number was rolled back with it.
    expect(await counter(ctx.agency.id)).toBe(1);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).dossierId).toBe(dossiers[0]!.id);
  });

  it("marks dossiers filed with an agency in training mode as test", async () => {
    const ctx = await setup({ trainingMode: true });
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx) });
    await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    const submitted = await submitDraft(db, { ownerId: ctx.citizen.id, draftId: draft.id, idempotencyKey: `it-${uniqueToken()}` });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: submitted.id } })).isTest).toBe(true);
  });
});

describe("createDossier inTransaction", () => {
  it("rolls the dossier, its code and the hook's writes back together", async () => {
    const ctx = await setup();
    const draft = await saveDraft(db, { ownerId: ctx.citizen.id, procedureVersionId: ctx.version.id, formData: completeData(ctx) });
    const file = await upload(ctx, ctx.citizen.id, ctx.required.id, PDF, "don.pdf", draft.id);
    await expect(
      createDossier(
        db as Db,
        {
          procedureVersionId: ctx.version.id,
          receivingAgencyId: ctx.agency.id,
          applicantName: "Nguyễn Văn An",
          channel: 2,
          status: "NEW",
          ownerId: ctx.citizen.id,
          idempotencyKey: `it-${uniqueToken()}`,
        },
        {
          inTransaction: async (tx, dossier) => {
            await tx.attachment.updateMany({ where: { draftId: draft.id }, data: { dossierId: dossier.id, draftId: null } });
            throw new Error("fails after moving the files");
          },
        },
      ),
    ).rejects.toThrow("fails after moving the files");
    expect(await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ draftId: draft.id, dossierId: null });
    expect(await dossiersOf(ctx.citizen.id)).toEqual([]);
    expect(await counter(ctx.agency.id)).toBe(0);
  });
});
