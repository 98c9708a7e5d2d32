import { randomBytes, randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import { OFFICER_PASSWORD } from "../../prisma/seed/accounts";
import type { Db } from "../../server/db";
import { createDossier } from "../../server/modules/dossier/commands/create-dossier";
import { OfficerDossierPage } from "../pages/officer-dossier-page";
import { OfficerIntakePage } from "../pages/officer-intake-page";
import { OfficerWorklistPage } from "../pages/officer-worklist-page";
import { SignInPage } from "../pages/sign-in-page";
import { e2eBaseUrl } from "../support/env";
import { hasPdfToText, isPdf, pdfText } from "../support/pdf-text";
import { expect, test } from "../fixtures";

// Issue 3's full path through the officer UI at the Hà Nội department, one officer per role, each
// in their own browser: counter intake (reception) → assign (leader) → supplement request and its
// receipt (specialist) → forward (specialist) → approve (leader) → issue with a number (clerk) →
// return (reception). After every step: what the officer sees and what the database holds.

const HANOI = departmentCode("Hà Nội");
const PROCEDURE = "1.004473";
const staff = {
  reception: { email: "tiepnhan.hanoi@motcua.test", name: "Đặng Thị Mai" },
  specialist: { email: "chuyenvien.hanoi@motcua.test", name: "Ngô Văn Nam" },
  leader: { email: "lanhdao.hanoi@motcua.test", name: "Nguyễn Văn Hải" },
  clerk: { email: "vanthu.hanoi@motcua.test", name: "Phan Thị Ngọc Anh" },
} as const;
type StaffKey = keyof typeof staff;

/** A browser of its own for one officer, signed in through the real form. */
async function officerPage(browser: Browser, who: StaffKey): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(staff[who].email, OFFICER_PASSWORD);
  await expect(page).toHaveURL(/\/officer(\?|$)/);
  return page;
}

function uniqueIdNumber(): string {
  // 12 digits that no seeded person has (the seed's start with 0).
  return `9${String(randomInt(0, 10 ** 11)).padStart(11, "0")}`;
}

async function userId(db: Db, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function dossierRow(db: Db, id: string) {
  return db.dossier.findUniqueOrThrow({
    where: { id },
    select: {
      code: true,
      status: true,
      version: true,
      channel: true,
      currentStepOrder: true,
      assigneeId: true,
      receivedAt: true,
      dueAt: true,
      pausedAt: true,
      finishedAt: true,
      returnedAt: true,
      resultNumber: true,
      events: { orderBy: { resultingVersion: "asc" }, select: { action: true, actorId: true, actorRole: true, fromStatus: true, toStatus: true, resultingVersion: true, note: true, payload: true } },
      steps: { orderBy: [{ startedAt: "asc" }, { order: "asc" }], select: { order: true, holderId: true, outcome: true, finishedAt: true } },
      clockEvents: { orderBy: { at: "asc" }, select: { kind: true, dueAt: true } },
    },
  });
}

/** The PDF behind a form link: a real PDF that names the dossier (text checked with pdftotext when installed). */
async function expectFormPdf(dossierPage: OfficerDossierPage, form: "01" | "02" | "03" | "06", code: string, alsoContains: string[] = []) {
  const bytes = await dossierPage.downloadForm(form);
  expect(isPdf(bytes), `form ${form} starts with %PDF-`).toBe(true);
  if (!hasPdfToText()) {
    test.info().annotations.push({ type: "skipped-check", description: `pdftotext is not installed (apt-get install -y poppler-utils): text of form ${form} not checked` });
    return;
  }
  const text = pdfText(bytes);
  // Table cells may wrap a long code: compare without whitespace.
  expect(text.replace(/\s+/g, ""), `form ${form} shows the dossier code`).toContain(code);
  for (const expected of alsoContains) expect(text.replace(/\s+/g, " "), `form ${form} shows "${expected}"`).toContain(expected);
}

test.describe("officer lifecycle", () => {
  test.describe.configure({ timeout: 240_000 });

  test("counter intake to returned result, through every role's screen", async ({ browser, db }) => {
    const ids = {
      reception: await userId(db, staff.reception.email),
      specialist: await userId(db, staff.specialist.email),
      leader: await userId(db, staff.leader.email),
      clerk: await userId(db, staff.clerk.email),
    };
    const applicant = { name: `Trần Quốc Tuấn ${randomBytes(3).toString("hex")}`, idNumber: uniqueIdNumber(), phone: "0912345678", address: "Số 5 Lý Thái Tổ, phường Hoàn Kiếm, Hà Nội" };

    // ── Reception: counter intake ───────────────────────────────────────────
    const reception = await officerPage(browser, "reception");
    const intake = new OfficerIntakePage(reception);
    await intake.goto();
    await intake.chooseProcedure(PROCEDURE);
    await intake.fillApplicant(applicant);
    // Without every required document the desk may not receive it.
    await intake.submit.click();
    await expect(intake.error).toContainText(vi.officer.intake.missingRequired.split(":")[0]!);
    expect(await db.dossier.count({ where: { applicantIdNumber: applicant.idNumber } })).toBe(0);
    expect(await intake.tickAllDocuments()).toBeGreaterThanOrEqual(4);
    await intake.submit.click();
    await expect(reception).toHaveURL(/\/officer\/dossiers\/[^/?]+\?created=1/);
    const dossierId = new URL(reception.url()).pathname.split("/").pop()!;

    const atDesk = new OfficerDossierPage(reception);
    const code = (await atDesk.code.textContent())!.trim();
    expect(code).toMatch(new RegExp(`^${HANOI.replace(/\./g, "\\.")}-\\d{6}-\\d{4}$`));
    await expect(reception.getByText(vi.officer.intake.created.replace("{code}", code))).toBeVisible();
    await atDesk.expectStatus("RECEIVED");
    // The desk may assign or ask for a supplement, but not appraise: that is the specialist's.
    expect(await atDesk.actions()).toEqual(expect.arrayContaining(["ASSIGN", "REQUEST_SUPPLEMENT"]));
    expect(await atDesk.actions()).not.toContain("FORWARD");
    expect(await atDesk.forms()).toEqual(["01", "06"]);
    await expectFormPdf(atDesk, "01", code, [applicant.name]);

    let row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ code, status: "RECEIVED", version: 1, channel: 1, currentStepOrder: 2, assigneeId: null, pausedAt: null });
    expect(row.receivedAt).not.toBeNull();
    expect(row.dueAt).not.toBeNull();
    expect(row.events.map((e) => [e.action, e.actorId, e.toStatus, e.resultingVersion])).toEqual([["INTAKE", ids.reception, "RECEIVED", 1]]);
    expect(row.steps.map((s) => [s.order, s.holderId, s.outcome, s.finishedAt !== null])).toEqual([
      [1, ids.reception, "INTAKE", true],
      [2, null, null, false],
    ]);
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START"]);
    const originalDue = row.dueAt!;

    // ── Leader: assign the specialist ───────────────────────────────────────
    const leader = await officerPage(browser, "leader");
    const atLeader = new OfficerDossierPage(leader);
    const leaderList = new OfficerWorklistPage(leader);
    await leaderList.goto("queue", code);
    await leaderList.openDossier(code);
    await atLeader.expectStatus("RECEIVED");
    expect(await atLeader.actions()).toContain("ASSIGN");
    expect(await atLeader.actions()).not.toContain("APPROVE");
    await atLeader.act("ASSIGN", (dialog) => OfficerDossierPage.chooseAssignee(dialog, staff.specialist.name));
    await expect(leader.getByText(staff.specialist.name).first()).toBeVisible();

    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "RECEIVED", version: 2, currentStepOrder: 2, assigneeId: ids.specialist });
    expect(row.steps.at(-1)).toMatchObject({ order: 2, holderId: ids.specialist, finishedAt: null });

    // ── Specialist: ask for a supplement (the clock pauses), then record it arrived ──
    const specialist = await officerPage(browser, "specialist");
    const atSpecialist = new OfficerDossierPage(specialist);
    const specialistList = new OfficerWorklistPage(specialist);
    await specialistList.goto("mine");
    await specialistList.openDossier(code);
    await atSpecialist.expectStatus("RECEIVED");
    expect(await atSpecialist.actions()).toEqual(expect.arrayContaining(["FORWARD", "REQUEST_SUPPLEMENT"]));
    expect(await atSpecialist.actions()).not.toContain("RESUME");

    const missingItem = "Biên bản họp hội đồng nghiệm thu có đủ chữ ký";
    await atSpecialist.act("REQUEST_SUPPLEMENT", async (dialog) => {
      await dialog.getByPlaceholder(vi.officer.act.itemN.replace("{n}", "1")).fill(missingItem);
      await dialog.getByLabel(vi.officer.act.supplementNote).fill("Biên bản nộp kèm chưa có chữ ký của thư ký hội đồng.");
    });
    await atSpecialist.expectStatus("SUPPLEMENT_REQUESTED");
    await expect(specialist.getByText(vi.officer.dossier.clockPaused.split("{at}")[0]!.trim())).toBeVisible();
    expect(await atSpecialist.actions()).toContain("RESUME");
    expect(await atSpecialist.actions()).not.toContain("FORWARD");
    expect(await atSpecialist.forms()).toEqual(["01", "02", "06"]);
    await expectFormPdf(atSpecialist, "02", code, [missingItem]);

    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "SUPPLEMENT_REQUESTED", version: 3, currentStepOrder: 2, assigneeId: ids.specialist });
    expect(row.pausedAt).not.toBeNull();
    expect(row.events.at(-1)).toMatchObject({ action: "REQUEST_SUPPLEMENT", actorId: ids.specialist, fromStatus: "RECEIVED", toStatus: "SUPPLEMENT_REQUESTED" });
    expect(row.events.at(-1)!.payload).toMatchObject({ items: [missingItem] });
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE"]);

    await atSpecialist.act("RESUME");
    await atSpecialist.expectStatus("PROCESSING");
    expect(await atSpecialist.actions()).toContain("FORWARD");
    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "PROCESSING", version: 4, pausedAt: null });
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE", "RESUME"]);
    // The wait is added to the due date, never taken off.
    expect(row.dueAt!.getTime()).toBeGreaterThanOrEqual(originalDue.getTime());

    // ── Specialist: forward to the leader for approval ──────────────────────
    await atSpecialist.act("FORWARD", (dialog) => OfficerDossierPage.chooseAssignee(dialog, staff.leader.name));
    await atSpecialist.expectStatus("PROCESSING");
    // The dossier has left the specialist's hands: nothing more to do here.
    await expect(atSpecialist.actionButtons.filter({ hasText: vi.officer.actions.FORWARD })).toHaveCount(0);
    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "PROCESSING", version: 5, currentStepOrder: 3, assigneeId: ids.leader });

    // ── Leader: approve ─────────────────────────────────────────────────────
    await atLeader.goto(dossierId);
    await atLeader.expectStatus("PROCESSING");
    expect(await atLeader.actions()).toEqual(expect.arrayContaining(["APPROVE", "SEND_BACK"]));
    await atLeader.act("APPROVE");
    await expect(atLeader.actionButtons.filter({ hasText: vi.officer.actions.APPROVE })).toHaveCount(0);
    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "PROCESSING", version: 6, currentStepOrder: 4, assigneeId: null });

    // ── Records clerk: number and issue the result ──────────────────────────
    const clerk = await officerPage(browser, "clerk");
    const atClerk = new OfficerDossierPage(clerk);
    await atClerk.goto(dossierId);
    expect(await atClerk.actions()).toContain("ISSUE_RESULT");
    const resultNumber = `${randomInt(100, 999)}/GCN-SKHCN`;
    await atClerk.act("ISSUE_RESULT", (dialog) => dialog.getByLabel(vi.officer.act.resultNumber).fill(resultNumber));
    await atClerk.expectStatus("PROCESSED");
    await expect(clerk.getByText(resultNumber, { exact: true })).toBeVisible();
    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "PROCESSED", version: 7, currentStepOrder: 5, resultNumber });
    expect(row.finishedAt).not.toBeNull();

    // ── Reception: return the result at the desk ────────────────────────────
    await atDesk.goto(dossierId);
    await atDesk.expectStatus("PROCESSED");
    expect(await atDesk.actions()).toContain("RETURN_RESULT");
    await atDesk.act("RETURN_RESULT", (dialog) => dialog.getByRole("radio", { name: vi.officer.delivery.AT_DESK }).check());
    await atDesk.expectStatus("RETURNED");
    await expect(atDesk.actionButtons.filter({ hasText: vi.officer.actions.RETURN_RESULT })).toHaveCount(0);

    row = await dossierRow(db, dossierId);
    expect(row).toMatchObject({ status: "RETURNED", version: 8, currentStepOrder: null, assigneeId: null });
    expect(row.returnedAt).not.toBeNull();
    // One event per version, in order, each by the officer who did it.
    expect(row.events.map((e) => [e.action, e.actorId, e.resultingVersion])).toEqual([
      ["INTAKE", ids.reception, 1],
      ["ASSIGN", ids.leader, 2],
      ["REQUEST_SUPPLEMENT", ids.specialist, 3],
      ["RESUME", ids.specialist, 4],
      ["FORWARD", ids.specialist, 5],
      ["APPROVE", ids.leader, 6],
      ["ISSUE_RESULT", ids.clerk, 7],
      ["RETURN_RESULT", ids.reception, 8],
    ]);
    expect(row.events.map((e) => e.toStatus)).toEqual([
      "RECEIVED",
      "RECEIVED",
      "SUPPLEMENT_REQUESTED",
      "PROCESSING",
      "PROCESSING",
      "PROCESSING",
      "PROCESSED",
      "RETURNED",
    ]);
    // The control sheet's rows: every step closed, by its holder, with how it ended.
    expect(row.steps.map((s) => [s.order, s.holderId, s.outcome, s.finishedAt !== null])).toEqual([
      [1, ids.reception, "INTAKE", true],
      [2, ids.specialist, "FORWARD", true],
      [3, ids.leader, "APPROVE", true],
      [4, ids.clerk, "ISSUE_RESULT", true],
      [5, ids.reception, "RETURN_RESULT", true],
    ]);
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE", "RESUME", "STOP"]);

    // What the desk sees at the end: the control sheet lists the five steps, form 06 prints them.
    await expect(reception.getByTestId("control-sheet").locator("tbody tr")).toHaveCount(5);
    await expectFormPdf(atDesk, "06", code, [staff.specialist.name, staff.clerk.name]);

    for (const page of [reception, leader, specialist, clerk]) await page.context().close();
  });

  test("an online submission refused at reception, with the reason and form 03", async ({ browser, db }) => {
    const hanoi = await db.agency.findFirstOrThrow({ where: { code: HANOI }, select: { id: true } });
    const version = await db.procedureVersion.findFirstOrThrow({
      where: { status: "PUBLISHED", procedure: { code: PROCEDURE } },
      orderBy: { version: "desc" },
      select: { id: true },
    });
    const citizen = await db.user.findUniqueOrThrow({ where: { email: "congdan1@motcua.test" }, select: { id: true, name: true, idNumber: true } });
    // The submission itself is the citizen portal's (its own specs drive the form): made here by the
    // function the portal's submit ends in, an online dossier waiting at the Hà Nội desk.
    const submitted = await createDossier(db, {
      procedureVersionId: version.id,
      receivingAgencyId: hanoi.id,
      applicantName: citizen.name,
      applicantIdNumber: citizen.idNumber!,
      channel: 2,
      status: "NEW",
      ownerId: citizen.id,
      formData: { taskName: "Nghiên cứu quy trình nhân giống lan rừng bằng nuôi cấy mô" },
      idempotencyKey: `e2e-refuse-${randomBytes(8).toString("hex")}`,
      actor: { userId: citizen.id },
    });

    const reception = await officerPage(browser, "reception");
    const list = new OfficerWorklistPage(reception);
    await list.goto("reception", submitted.code);
    await expect(list.dossierLink(submitted.code).first()).toBeVisible();
    await list.openDossier(submitted.code);
    const dossierPage = new OfficerDossierPage(reception);
    await dossierPage.expectStatus("NEW");
    expect(await dossierPage.actions()).toEqual(expect.arrayContaining(["RECEIVE", "REFUSE", "REQUEST_SUPPLEMENT"]));
    expect(await dossierPage.forms()).toEqual([]);

    const reason = "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ Hà Nội";
    // A refusal needs its reason: the dialog does not go without one.
    await reception.locator('button[data-action="REFUSE"]').click();
    await dossierPage.dialog.getByRole("button", { name: vi.officer.act.submit.replace("{action}", vi.officer.actions.REFUSE) }).click();
    await expect(dossierPage.dialog).toBeVisible();
    expect((await db.dossier.findUniqueOrThrow({ where: { id: submitted.id }, select: { status: true } })).status).toBe("NEW");
    await dossierPage.dialog.getByRole("button", { name: vi.officer.act.cancel }).click();

    await dossierPage.act("REFUSE", (dialog) => dialog.getByLabel(vi.officer.act.reason).fill(reason));
    await dossierPage.expectStatus("REFUSED");
    await expect(reception.getByTestId("timeline").getByText(reason)).toBeVisible();
    expect(await dossierPage.actions()).not.toContain("RECEIVE");
    expect(await dossierPage.forms()).toEqual(["03"]);
    await expectFormPdf(dossierPage, "03", submitted.code, [reason]);

    const row = await dossierRow(db, submitted.id);
    expect(row).toMatchObject({ status: "REFUSED", version: 2, currentStepOrder: null, receivedAt: null, dueAt: null });
    expect(row.finishedAt).not.toBeNull();
    expect(row.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.resultingVersion])).toEqual([
      ["SUBMIT", null, "NEW", 1],
      ["REFUSE", "NEW", "REFUSED", 2],
    ]);
    expect(row.events[1]).toMatchObject({ actorRole: "RECEPTION_OFFICER", note: reason });
    await reception.context().close();
  });
});
