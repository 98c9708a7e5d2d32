// The dossier's standard forms as PDFs: scoped like the dossier page, present only when they apply,
// filled from the dossier and its events.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { createAgency, createUser } from "../../test/factories";
import { T0, act, createDesk, intake, type Desk } from "../../test/desk";
import { applicableForms, documentFormOf } from "./dossier-forms";
import { renderDossierForm, renderTrackingBookForm } from "./queries";

const db = useTestDb({ max: 4 });

const hasPoppler = spawnSync("pdftotext", ["-v"]).error === undefined;
const dir = mkdtempSync(join(tmpdir(), "motcua-forms-"));
let files = 0;

/** The PDF's text, whitespace collapsed ("" without poppler: the text checks then only see the header bytes). */
function pdfText(bytes: Uint8Array): string {
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  if (!hasPoppler) return "";
  const file = join(dir, `${files++}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8").replace(/\s+/g, " ");
}

/** Table cells wrap long codes at their hyphens: compare without spaces and hyphens. */
const compact = (s: string) => s.replace(/[\s-]/g, "");

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "OK";
}

const base = { locale: "vi" as const, baseUrl: "https://motcua.example.gov.vn" };

describe("dossier forms", () => {
  let hanoi: Desk;
  let hue: Desk;
  let dossier: Awaited<ReturnType<typeof intake>>;

  beforeAll(async () => {
    hanoi = await createDesk(db, { provinceName: "Hà Nội" });
    hue = await createDesk(db, { provinceName: "Huế" });
    dossier = await intake(db, hanoi, { applicantName: "Trần Thị Phiếu" });
  });

  it("prints the receipt slip of a received dossier with the ticked documents and the tracking address", async () => {
    const slip = await renderDossierForm(db, { ...base, actorUserId: hanoi.specialist.id, dossierId: dossier.id, form: "01" });
    expect(slip?.fileName).toBe(`${dossier.code}-mau-01.pdf`);
    const text = pdfText(slip!.bytes);
    if (hasPoppler) {
      expect(text).toContain(dossier.code);
      expect(text).toContain("Trần Thị Phiếu");
      expect(text).toContain("Đơn đề nghị");
      expect(text).toContain("Báo cáo kết quả");
      // Not ticked at the counter: not on the slip.
      expect(text).not.toContain("Tài liệu khác");
      expect(text).toContain(`motcua.example.gov.vn/track/${dossier.code}`);
    }
  });

  it("answers null for a form the dossier does not have, and NOT_FOUND outside the officer's scope", async () => {
    for (const form of ["02", "03", "04", "05"] as const) {
      expect(await renderDossierForm(db, { ...base, actorUserId: hanoi.leader.id, dossierId: dossier.id, form })).toBeNull();
    }
    for (const officer of [hue.reception, hue.leader]) {
      expect(await code(renderDossierForm(db, { ...base, actorUserId: officer.id, dossierId: dossier.id, form: "01" }))).toBe("NOT_FOUND");
    }
    const citizen = await createUser(db, { kind: "CITIZEN" });
    expect(await code(renderDossierForm(db, { ...base, actorUserId: citizen.id, dossierId: dossier.id, form: "06" }))).toBe("NOT_FOUND");
  });

  it("prints the supplement request (02) and the stop notice (05) from their commands", async () => {
    const d = await intake(db, hanoi, { applicantName: "Lê Văn Bổ Sung" });
    await act(db, hanoi.leader.id, d.id, { action: "ASSIGN", payload: { assigneeId: hanoi.specialist.id } }, T0);
    await act(
      db,
      hanoi.specialist.id,
      d.id,
      { action: "REQUEST_SUPPLEMENT", payload: { items: ["Bản sao quyết định giao nhiệm vụ"], note: "Thiếu quyết định" } },
      T0,
    );
    const found = await db.dossier.findUniqueOrThrow({ where: { id: d.id }, select: { receivedAt: true, dueAt: true } });
    expect(applicableForms({ ...found, events: [{ action: "REQUEST_SUPPLEMENT" }] as never })).toEqual(["01", "02", "06"]);

    const request = await renderDossierForm(db, { ...base, actorUserId: hanoi.reception.id, dossierId: d.id, form: "02" });
    const text = pdfText(request!.bytes);
    if (hasPoppler) {
      expect(text).toContain("Bản sao quyết định giao nhiệm vụ");
      expect(text).toContain("Thiếu quyết định");
    }

    await act(db, hanoi.leader.id, d.id, { action: "STOP", payload: { reason: "Tổ chức đề nghị dừng giải quyết" } }, T0);
    const stop = await renderDossierForm(db, { ...base, actorUserId: hanoi.leader.id, dossierId: d.id, form: "05" });
    if (hasPoppler) expect(pdfText(stop!.bytes)).toContain("Tổ chức đề nghị dừng giải quyết");
  });

  it("keeps the tracking book to the officer's agencies and the chosen days", async () => {
    const from = new Date("2026-03-09T17:00:00Z"); // 10 March 2026, 00:00 in Vietnam
    const to = new Date("2026-03-10T17:00:00Z");
    const hueOnly = await intake(db, hue, { applicantName: "Người Huế" });
    const book = await renderTrackingBookForm(db, { actorUserId: hanoi.reception.id, from, to, locale: "vi" });
    const text = compact(pdfText(book.bytes));
    if (hasPoppler) {
      expect(text).toContain(compact(dossier.code));
      expect(text).not.toContain(compact(hueOnly.code));
    }
    expect(await code(renderTrackingBookForm(db, { actorUserId: hanoi.reception.id, from, to, agencyId: hue.agency.id, locale: "vi" }))).toBe(
      "NOT_FOUND",
    );
    const empty = await renderTrackingBookForm(db, { actorUserId: hanoi.reception.id, from: to, to: new Date(to.getTime() + 86_400_000), locale: "vi" });
    if (hasPoppler) expect(compact(pdfText(empty.bytes))).not.toContain(compact(dossier.code));
    const citizen = await createUser(db, { kind: "CITIZEN" });
    expect(await code(renderTrackingBookForm(db, { actorUserId: citizen.id, from, to, locale: "vi" }))).toBe("FORBIDDEN");
    const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
    const controller = await createUser(db, { memberships: [{ agencyId: ministry.id, role: "CONTROLLER" }] });
    const across = await renderTrackingBookForm(db, { actorUserId: controller.id, from, to, locale: "vi" });
    if (hasPoppler) expect(compact(pdfText(across.bytes))).toContain(compact(hueOnly.code));
  });
});

describe("documentFormOf", () => {
  it.each([
    ["01 bản chính", 1, "ORIGINAL", 1],
    ["02 bản sao", 1, "COPY", 2],
    ["01 bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu", 1, "CERTIFIED_COPY", 1],
    ["01 bản chính", 2, "ELECTRONIC", 1],
    [null, 3, "ORIGINAL", 1],
  ] as const)("%s (channel %d) → %s × %d", (copies, channel, form, n) => {
    expect(documentFormOf(copies, channel)).toEqual({ form, copies: n });
  });
});
