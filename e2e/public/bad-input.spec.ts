import { devices, type Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import { OFFICER_PASSWORD } from "../../prisma/seed/accounts";
import type { Db } from "../../server/db";
import { SubmissionPage } from "../pages/submission-page";
import { SignInPage } from "../pages/sign-in-page";
import { newCitizen, signInTo, type Citizen } from "../support/citizen";
import { e2eBaseUrl } from "../support/env";
import { clientAddress, makePdf, makePng, taskResultsFields, token } from "../support/test-data";
import { expect, test } from "../fixtures";

// Bad input on the online submission: every refusal is a translated message in place, and nothing
// is stored half-done: no dossier, no code number taken, no file filed anywhere but the citizen's
// own draft. These submissions go to the TP. Hồ Chí Minh department, which no other spec files to,
// so its code counter for today moves only with this file.

const PROCEDURE = "1.004473";
const SUBMIT_PATH = `/procedures/${PROCEDURE}/submit`;
const HCM = departmentCode("TP. Hồ Chí Minh");
const AGENCY_NAME = "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh";
const MB = 1024 * 1024;

/** Script in a text field: it must come back as text, never run. */
const SCRIPT = `<script>window.__motcuaXss = 1</script><img src="x" onerror="window.__motcuaXss = 2">`;

/** YYMMDD of today in Vietnam (the code counter's day). */
function vietnamDay(now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", year: "2-digit", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}${get("month")}${get("day")}`;
}

async function hcmAgencyId(db: Db): Promise<string> {
  return (await db.agency.findFirstOrThrow({ where: { code: HCM }, select: { id: true } })).id;
}

async function counterNow(db: Db, agencyId: string): Promise<number> {
  const row = await db.dossierCodeCounter.findUnique({ where: { agencyId_day: { agencyId, day: vietnamDay() } }, select: { lastNumber: true } });
  return row?.lastNumber ?? 0;
}

async function ownerState(db: Db, ownerId: string) {
  const [dossiers, drafts, filed] = await Promise.all([
    db.dossier.count({ where: { ownerId } }),
    db.dossierDraft.findMany({ where: { ownerId }, select: { id: true, formData: true, attachments: { select: { fileName: true } } } }),
    db.attachment.count({ where: { uploadedById: ownerId, dossierId: { not: null } } }),
  ]);
  return { dossiers, drafts, filed };
}

/** Everything valid, then the given overrides. */
async function fillForm(form: SubmissionPage, citizen: Citizen, overrides: Record<string, string> = {}): Promise<void> {
  await form.fill({
    "a.applicantType": "CITIZEN",
    "a.name": citizen.name,
    "a.idNumber": citizen.idNumber,
    "a.phone": citizen.phone,
    "a.address": citizen.address,
    ...taskResultsFields(token(5)),
    ...overrides,
  });
  await form.chooseAgency(AGENCY_NAME);
  await form.deliverAtDesk();
}

function pdfFile(name: string, bytes: Buffer) {
  return { name, mimeType: "application/pdf", buffer: bytes };
}

async function attachAll(form: SubmissionPage, options: { wait?: boolean } = {}) {
  const pdf = await makePdf("Bien ban nghiem thu");
  for (const order of [1, 2, 3, 4]) await form.attach(order, pdfFile(`thanh-phan-${order}.pdf`, pdf), options);
}

async function ownClient(page: Page) {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
}

test.describe("bad input on the online submission", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-phone", "the citizen portal's journeys run on the phone profile"));

  test("a wrong ID number, a missing field and missing documents are caught in the browser, in Vietnamese", async ({ page, db }) => {
    await ownClient(page);
    const citizen = await newCitizen(db);
    const agencyId = await hcmAgencyId(db);
    const counter = await counterNow(db, agencyId);
    await signInTo(page, SUBMIT_PATH, citizen);
    const form = new SubmissionPage(page);
    await fillForm(form, citizen, { "a.idNumber": "12345abc", "f.chiefInvestigator": "" });
    await form.submit();

    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary).toBeFocused();
    // Identity number, the missing field, and the four required documents.
    await expect(form.errorSummary.getByRole("heading")).toHaveText(vi.eform.errorSummaryTitle.replace("{count}", "6"));
    await expect(form.errorFor("a.idNumber")).toHaveText(vi.eform.idNumber);
    await expect(form.input("a.idNumber")).toHaveAttribute("aria-invalid", "true");
    await expect(form.errorFor("f.chiefInvestigator")).toHaveText(vi.eform.required);
    await expect(form.slotError(1)).toHaveText(vi.submission.componentRequired.replace("{order}", "1"));
    await expect(form.errorSummary).toContainText(vi.eform.idNumber);

    // Nothing left the browser: no dossier, no code number taken.
    await expect(page).toHaveURL(new RegExp(`${SUBMIT_PATH.replace(/\./g, "\\.")}$`));
    const state = await ownerState(db, citizen.id);
    expect(state.dossiers).toBe(0);
    expect(await counterNow(db, agencyId)).toBe(counter);

    // Correcting the ID number clears its message as the citizen goes.
    await form.input("a.idNumber").fill(citizen.idNumber);
    await form.input("a.idNumber").blur();
    await form.input("f.chiefInvestigator").fill("TS. Lê Thị Thu Hằng");
    await form.input("f.chiefInvestigator").press("Tab");
    await expect(form.errorFor("a.idNumber")).toHaveText("");
    await expect(form.errorFor("f.chiefInvestigator")).toHaveText("");
  });

  test("without JavaScript the server refuses the same way; the fixed submission takes the next code and keeps the script as inert text", async ({ browser, db }) => {
    const context = await browser.newContext({
      ...devices["Pixel 7"],
      baseURL: e2eBaseUrl,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": clientAddress() },
    });
    const page = await context.newPage();
    const citizen = await newCitizen(db);
    const agencyId = await hcmAgencyId(db);
    await signInTo(page, SUBMIT_PATH, citizen);
    const form = new SubmissionPage(page);

    await fillForm(form, citizen, { "a.idNumber": "0790951", "f.chiefInvestigator": "", "f.taskName": `Nhiệm vụ ${SCRIPT}`, "a.address": `Số 1 ${SCRIPT}` });
    // Without JavaScript files ride along with the post.
    await attachAll(form, { wait: false });
    const counter = await counterNow(db, agencyId);
    // The browser's own checks (required, pattern) would stop this post; an old browser or a crafted
    // request does not have them, so the server must refuse it by itself.
    await form.form.evaluate((f) => f.setAttribute("novalidate", ""));
    await form.submit();

    await expect(page).toHaveURL(/\/submit\?draft=[^&]+.*check=1/);
    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary.getByRole("heading")).toHaveText(vi.eform.errorSummaryTitle.replace("{count}", "2"));
    await expect(form.errorFor("a.idNumber")).toHaveText(vi.eform.idNumber);
    await expect(form.errorFor("f.chiefInvestigator")).toHaveText(vi.eform.required);
    // What was typed comes back as typed, as text: the script is the textarea's value, not markup.
    await expect(form.input("f.taskName")).toHaveValue(`Nhiệm vụ ${SCRIPT}`);

    let state = await ownerState(db, citizen.id);
    expect(state.dossiers).toBe(0);
    expect(state.filed).toBe(0);
    expect(await counterNow(db, agencyId)).toBe(counter);
    // The typing and the files are kept in the citizen's draft, and only there.
    expect(state.drafts).toHaveLength(1);
    expect(state.drafts[0]!.attachments.map((a) => a.fileName).sort()).toEqual(["thanh-phan-1.pdf", "thanh-phan-2.pdf", "thanh-phan-3.pdf", "thanh-phan-4.pdf"]);

    await form.fill({ "a.idNumber": citizen.idNumber, "f.chiefInvestigator": "TS. Lê Thị Thu Hằng" });
    await form.submit();
    await expect(page).toHaveURL(/\/dossiers\/[^/]+\/submitted$/);
    const code = (await page.getByTestId("dossier-code").textContent())!.replace(/\s/g, "");
    // The next number of the day: the refused attempt used none.
    expect(code).toBe(`${HCM}-${vietnamDay()}-${String(counter + 1).padStart(4, "0")}`);

    state = await ownerState(db, citizen.id);
    expect(state.dossiers).toBe(1);
    expect(state.drafts).toHaveLength(0);
    expect(state.filed).toBe(4);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code }, select: { id: true, formData: true, applicantAddress: true, status: true } });
    expect(dossier.status).toBe("NEW");
    // Stored verbatim: escaping is the page's job, not the database's.
    expect((dossier.formData as Record<string, unknown>).taskName).toBe(`Nhiệm vụ ${SCRIPT}`);
    expect(dossier.applicantAddress).toBe(`Số 1 ${SCRIPT}`);
    await context.close();

    // Shown to the officer who receives it (JavaScript on): the text is there, nothing ran.
    const officerContext = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN" });
    const officer = await officerContext.newPage();
    const dialogs: string[] = [];
    officer.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const signIn = new SignInPage(officer);
    await signIn.goto();
    await signIn.signIn("tiepnhan.hcm@motcua.test", OFFICER_PASSWORD);
    await expect(officer).toHaveURL(/\/officer(\?|$)/);
    await officer.goto(`/officer/dossiers/${dossier.id}`);
    await expect(officer.getByText(`Nhiệm vụ ${SCRIPT}`, { exact: true })).toBeVisible();
    await expect(officer.getByText(`Số 1 ${SCRIPT}`, { exact: true })).toBeVisible();
    expect(await officer.evaluate(() => (window as unknown as { __motcuaXss?: number }).__motcuaXss)).toBeUndefined();
    expect(await officer.locator("img[src='x']").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await officerContext.close();
  });

  test("an oversized file and disguised files are refused with translated messages and stored nowhere", async ({ page, db }) => {
    await ownClient(page);
    const citizen = await newCitizen(db);
    const agencyId = await hcmAgencyId(db);
    const counter = await counterNow(db, agencyId);
    await signInTo(page, SUBMIT_PATH, citizen);
    const form = new SubmissionPage(page);
    const slot1 = form.slot(1);

    // Over the component's 10 MB, a real PDF header and all.
    const big = Buffer.concat([await makePdf("lon"), Buffer.alloc(10 * MB)]);
    await form.attach(1, pdfFile("bao-cao-rat-lon.pdf", big), { wait: false });
    await expect(form.slotError(1)).toHaveText(vi.submission.upload.tooLarge.replace("{size}", "10 MB"));
    await expect(slot1).toHaveAttribute("data-has-file", "false");

    // A Windows program renamed .pdf, and a web page renamed .png: judged by content, not by name.
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2048, 0x41)]);
    await form.attach(1, { name: "giay-chung-nhan.pdf", mimeType: "application/pdf", buffer: exe }, { wait: false });
    const wrongType = vi.submission.upload.wrongType.replace("{types}", "PDF, JPG, PNG");
    await expect(form.slotError(1)).toHaveText(wrongType);
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    await form.attach(2, { name: "anh-chup.png", mimeType: "image/png", buffer: html }, { wait: false });
    await expect(form.slotError(2)).toHaveText(wrongType);
    await expect(form.slot(2)).toHaveAttribute("data-has-file", "false");

    // The server judges the same way when the browser's check is bypassed (a direct upload).
    const version = await db.procedureVersion.findFirstOrThrow({
      where: { status: "PUBLISHED", procedure: { code: PROCEDURE } },
      orderBy: { version: "desc" },
      select: { id: true, components: { orderBy: { order: "asc" }, select: { id: true } } },
    });
    const direct = (body: Buffer, name: string, claimed: string) =>
      page.request.post("/api/uploads", {
        data: body,
        headers: {
          "content-type": claimed,
          "x-file-name": encodeURIComponent(name),
          "x-document-component-id": version.components[0]!.id,
          "x-procedure-version-id": version.id,
        },
      });
    const disguised = await direct(exe, "giay-chung-nhan.pdf", "application/pdf");
    expect(disguised.status()).toBe(415);
    expect(await disguised.json()).toMatchObject({ error: { reason: "FILE_TYPE", message: wrongType } });
    const disguisedPage = await direct(html, "anh.png", "image/png");
    expect(disguisedPage.status()).toBe(415);
    const tooBig = await direct(big, "bao-cao-rat-lon.pdf", "application/pdf");
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { reason: "FILE_TOO_LARGE", message: vi.submission.upload.tooLarge.replace("{size}", "10 MB") } });

    // A good PNG in the same slot goes through, so the refusals were about the files.
    await form.attach(2, { name: "anh-chup.png", mimeType: "image/png", buffer: makePng() });
    await expect(form.slotError(2)).toHaveText("");

    const stored = await db.attachment.findMany({ where: { uploadedById: citizen.id }, select: { fileName: true, mimeType: true, dossierId: true } });
    expect(stored).toEqual([{ fileName: "anh-chup.png", mimeType: "image/png", dossierId: null }]);
    expect((await ownerState(db, citizen.id)).dossiers).toBe(0);
    expect(await counterNow(db, agencyId)).toBe(counter);
  });
});
