import type { Browser, Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import { OFFICER_PASSWORD } from "../../prisma/seed/accounts";
import type { Db } from "../../server/db";
import { OfficerDossierPage } from "../pages/officer-dossier-page";
import { OfficerWorklistPage } from "../pages/officer-worklist-page";
import { SignInPage } from "../pages/sign-in-page";
import { SignUpPage } from "../pages/sign-up-page";
import { SubmissionPage } from "../pages/submission-page";
import { TrackingPage } from "../pages/tracking-page";
import { e2eBaseUrl } from "../support/env";
import { isPdf } from "../support/pdf-text";
import { clientAddress, makePdf, makePng, taskResultsFields, token, uniqueIdNumber, uniquePhone } from "../support/test-data";
import { expect, test } from "../fixtures";

// Issue 4's journey on a phone: a new citizen finds a procedure in the catalogue (typed without
// diacritics), signs up on the way to submitting, files it with a PDF and a PNG, and gets the code;
// the Hà Nội desk receives it and asks for a supplement (officer UI, desktop); the citizen answers
// from /me with a file and a note and the clock runs again; public tracking shows the progress.
// The database is checked at each stage.

const PROCEDURE = "1.004473";
const HANOI = departmentCode("Hà Nội");

async function dossierState(db: Db, code: string) {
  return db.dossier.findUniqueOrThrow({
    where: { code },
    select: {
      id: true,
      status: true,
      channel: true,
      version: true,
      ownerId: true,
      receivingAgency: { select: { code: true } },
      applicantIdNumber: true,
      pausedAt: true,
      dueAt: true,
      formData: true,
      events: { orderBy: { resultingVersion: "asc" }, select: { action: true, toStatus: true, note: true, resultingVersion: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { fileName: true, mimeType: true, kind: true, draftId: true, documentComponentId: true, sizeBytes: true } },
      clockEvents: { orderBy: { at: "asc" }, select: { kind: true, dueAt: true } },
    },
  });
}

/** The Hà Nội reception officer, in a desktop browser of their own. */
async function receptionOfficer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("tiepnhan.hanoi@motcua.test", OFFICER_PASSWORD);
  await expect(page).toHaveURL(/\/officer(\?|$)/);
  return page;
}

test.describe("citizen journey", () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-phone", "the citizen portal's journeys run on the phone profile"));

  test("find, sign up, submit with files, get a supplement request, answer it from /me, track it", async ({ page, browser, db }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
    const mark = token(6);
    const person = {
      name: `Đỗ Thị Lan Hương ${mark.slice(0, 3)}`,
      email: `huong.${mark}@example.vn`,
      phone: uniquePhone(),
      password: `Huong${mark}2026`,
      idNumber: uniqueIdNumber(),
      dateOfBirth: "1987-09-02",
      address: "Số 45 phố Kim Mã, phường Giảng Võ, Hà Nội",
    };

    // ── Find the procedure: "dang ky" without diacritics finds "Đăng ký …" ──
    await page.goto("/procedures");
    await page.getByRole("searchbox", { name: vi.catalogue.searchLabel }).fill("dang ky");
    await page.getByTestId("catalogue-submit").click();
    await expect(page).toHaveURL(/\/procedures\?q=dang\+ky/);
    const results = page.getByTestId("catalogue-results");
    const found = results.getByRole("link", { name: /^Đăng ký kết quả thực hiện nhiệm vụ/ });
    await expect(found).toHaveCount(1);
    // Found by its folded name: the results are a narrower list than the whole catalogue.
    const all = await db.procedure.count({ where: { active: true } });
    expect(await results.getByRole("listitem").count()).toBeLessThan(all);
    await found.click();

    // ── The procedure's page, then "submit online": sign in, or sign up and come back ──
    await expect(page).toHaveURL(new RegExp(`/procedures/${PROCEDURE.replace(".", "\\.")}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đăng ký kết quả thực hiện nhiệm vụ");
    await expect(page.getByTestId("procedure-components").locator("tbody tr")).toHaveCount(5);
    await page.getByTestId("submit-online").click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByRole("main").getByRole("link", { name: vi.account.signUpLink }).click();
    await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
    await new SignUpPage(page).signUp(person);

    const form = new SubmissionPage(page);
    await expect(page).toHaveURL(new RegExp(`/procedures/${PROCEDURE.replace(".", "\\.")}/submit`));
    await expect(form.form).toBeVisible();
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true, kind: true, idNumber: true, passwordHash: true, name: true } });
    expect(user).toMatchObject({ kind: "CITIZEN", idNumber: person.idNumber, name: person.name });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    // The form starts from the new account's details.
    await expect(form.input("a.name")).toHaveValue(person.name);
    await expect(form.input("a.idNumber")).toHaveValue(person.idNumber);

    // ── Fill it in and attach a real PDF per required document and a PNG for the optional one ──
    await form.fill({ "a.applicantType": "CITIZEN", "a.phone": person.phone, "a.address": person.address, ...taskResultsFields(mark) });
    await form.chooseAgency("Sở Khoa học và Công nghệ Hà Nội");
    await form.deliverAtDesk();
    const pdf = await makePdf(`Ho so ${mark}`);
    for (const order of [1, 2, 3, 4]) await form.attach(order, { name: `thanh-phan-${order}-${mark}.pdf`, mimeType: "application/pdf", buffer: pdf });
    const png = makePng(24);
    await form.attach(5, { name: `quyet-dinh-${mark}.png`, mimeType: "image/png", buffer: png });
    // While a draft, the files are the draft's.
    const draft = await db.dossierDraft.findFirstOrThrow({ where: { ownerId: user.id }, select: { id: true, attachments: { select: { id: true } } } });
    expect(draft.attachments).toHaveLength(5);
    await form.submit();

    // ── The confirmation ──
    await expect(page).toHaveURL(/\/dossiers\/[^/]+\/submitted$/);
    const code = (await page.getByTestId("dossier-code").textContent())!.replace(/\s/g, "");
    expect(code).toMatch(new RegExp(`^${HANOI.replace(/\./g, "\\.")}-\\d{6}-\\d{4}$`));
    await expect(page.getByTestId("dossier-status")).toHaveText(vi.status.NEW);
    await expect(page.getByTestId("expected-date")).toContainText(vi.submission.confirm.expectedValue.split("{date}")[1]!.trim());
    const receipt = await page.request.get((await page.getByTestId("receipt-link").getAttribute("href"))!);
    expect(receipt.status()).toBe(200);
    expect(isPdf(await receipt.body())).toBe(true);

    let row = await dossierState(db, code);
    expect(row).toMatchObject({ status: "NEW", channel: 2, version: 1, ownerId: user.id, applicantIdNumber: person.idNumber, receivingAgency: { code: HANOI } });
    expect((row.formData as Record<string, unknown>).taskName).toContain(mark);
    expect(row.events.map((e) => [e.action, e.toStatus])).toEqual([["SUBMIT", "NEW"]]);
    // The draft's files moved to the dossier, the draft is gone.
    expect(row.attachments.map((a) => [a.fileName, a.mimeType, a.kind, a.draftId])).toEqual([
      [`thanh-phan-1-${mark}.pdf`, "application/pdf", "COMPONENT", null],
      [`thanh-phan-2-${mark}.pdf`, "application/pdf", "COMPONENT", null],
      [`thanh-phan-3-${mark}.pdf`, "application/pdf", "COMPONENT", null],
      [`thanh-phan-4-${mark}.pdf`, "application/pdf", "COMPONENT", null],
      [`quyet-dinh-${mark}.png`, "image/png", "COMPONENT", null],
    ]);
    expect(row.attachments.every((a) => a.documentComponentId !== null)).toBe(true);
    expect(row.attachments.at(-1)!.sizeBytes).toBe(png.length);
    expect(await db.dossierDraft.count({ where: { ownerId: user.id } })).toBe(0);

    // ── The desk receives it from the online reception queue and asks for a supplement ──
    const officer = await receptionOfficer(browser);
    const queue = new OfficerWorklistPage(officer);
    await queue.goto("reception", code);
    await queue.openDossier(code);
    const atDesk = new OfficerDossierPage(officer);
    await atDesk.expectStatus("NEW");
    await atDesk.act("RECEIVE");
    await atDesk.expectStatus("RECEIVED");
    row = await dossierState(db, code);
    expect(row).toMatchObject({ status: "RECEIVED", version: 2, pausedAt: null });
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START"]);
    const dueWhenReceived = row.dueAt!;

    const missing = "Biên bản họp hội đồng nghiệm thu có chữ ký của thư ký";
    const instructions = "Vui lòng nộp bản chụp biên bản có đủ chữ ký.";
    await atDesk.act("REQUEST_SUPPLEMENT", async (dialog) => {
      await dialog.getByPlaceholder(vi.officer.act.itemN.replace("{n}", "1")).fill(missing);
      await dialog.getByLabel(vi.officer.act.supplementNote).fill(instructions);
    });
    await atDesk.expectStatus("SUPPLEMENT_REQUESTED");
    row = await dossierState(db, code);
    expect(row.status).toBe("SUPPLEMENT_REQUESTED");
    expect(row.pausedAt).not.toBeNull();
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE"]);

    // ── The citizen answers from /me ──
    await page.goto("/me");
    const listed = page.getByRole("link", { name: code });
    await expect(listed).toBeVisible();
    await expect(page.getByText(vi.me.needsAction).first()).toBeVisible();
    // A tap, as on a phone: the link is one box (the code wrapped across lines once left the
    // centre of an inline link over its heading, which took the tap).
    await listed.click();
    await expect(page).toHaveURL(new RegExp(`/me/dossiers/${code.replace(/\./g, "\\.")}$`));
    const request = page.getByTestId("supplement-request");
    await expect(request).toContainText(missing);
    await expect(request).toContainText(instructions);

    const answerNote = `Đã bổ sung biên bản có chữ ký ${mark}`;
    await page.getByLabel(vi.me.answerNote).fill(answerNote);
    const supplementPdf = await makePdf(`Bien ban co chu ky ${mark}`);
    await page.locator('input[type="file"][name="files"]').setInputFiles({ name: `bien-ban-bo-sung-${mark}.pdf`, mimeType: "application/pdf", buffer: supplementPdf });
    await page.getByRole("button", { name: vi.me.answerSubmit }).click();
    await expect(page.getByText(vi.me.answered)).toBeVisible();

    row = await dossierState(db, code);
    expect(row).toMatchObject({ status: "PROCESSING", pausedAt: null });
    expect(row.events.map((e) => e.action)).toEqual(["SUBMIT", "RECEIVE", "REQUEST_SUPPLEMENT", "SUPPLEMENT"]);
    expect(row.events.at(-1)).toMatchObject({ toStatus: "PROCESSING", note: answerNote, resultingVersion: 4 });
    // The clock runs again; the due date moved by the wait, never earlier.
    expect(row.clockEvents.map((c) => c.kind)).toEqual(["START", "PAUSE", "RESUME"]);
    expect(row.dueAt!.getTime()).toBeGreaterThanOrEqual(dueWhenReceived.getTime());
    const supplement = row.attachments.filter((a) => a.kind === "SUPPLEMENT");
    expect(supplement.map((a) => [a.fileName, a.mimeType, a.draftId])).toEqual([[`bien-ban-bo-sung-${mark}.pdf`, "application/pdf", null]]);

    // The desk sees the answer.
    await atDesk.goto(row.id);
    await atDesk.expectStatus("PROCESSING");
    await expect(officer.getByTestId("timeline").getByText(answerNote)).toBeVisible();
    await officer.context().close();

    // ── Public tracking by code, in another browser: the progress, and nothing personal ──
    const stranger = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN", extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
    const publicPage = await stranger.newPage();
    const tracking = new TrackingPage(publicPage);
    await tracking.goto(code);
    await expect(tracking.heading).toHaveText(vi.track.resultTitle.replace("{code}", code));
    await expect(publicPage.getByText(vi.status.PROCESSING).first()).toBeVisible();
    for (const action of ["SUBMIT", "RECEIVE", "REQUEST_SUPPLEMENT", "SUPPLEMENT"] as const) {
      await expect(tracking.timeline.getByText(vi.track.events[action]).first()).toBeVisible();
    }
    const html = await publicPage.content();
    for (const personal of [person.name, person.idNumber, person.phone, person.email, person.address, answerNote, `bien-ban-bo-sung-${mark}.pdf`]) {
      expect(html.includes(personal), `public tracking must not show "${personal}"`).toBe(false);
    }
    await stranger.close();

    // The owner sees the full view of the same page.
    const own = new TrackingPage(page);
    await own.goto(code);
    await expect(own.access).toHaveText(vi.track.accessOwner);
  });
});
