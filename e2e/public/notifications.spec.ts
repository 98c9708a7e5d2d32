import type { Browser, Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { OFFICER_PASSWORD } from "../../prisma/seed/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { OfficerDossierPage } from "../pages/officer-dossier-page";
import { OfficerWorklistPage } from "../pages/officer-worklist-page";
import { SignInPage } from "../pages/sign-in-page";
import { SubmissionPage } from "../pages/submission-page";
import { newCitizen, signInTo } from "../support/citizen";
import { e2eBaseUrl } from "../support/env";
import { linkIn, mailsTo, waitForMail, waitForSms } from "../support/mailbox";
import { clientAddress, makePdf, taskResultsFields, token } from "../support/test-data";
import { expect, test } from "../fixtures";

// Issue 12: the applicant is told. A citizen submits online; the Hà Nội desk receives the dossier;
// the receipt e-mail reaches the local SMTP server with the code and a tracking link, which the
// test follows; a supplement request reaches the citizen by e-mail, SMS and the /me list, and the
// citizen answers from the e-mail's link. Forgotten password by e-mail. On the phone profile.

const PROCEDURE = "1.004473";

async function receptionOfficer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("tiepnhan.hanoi@motcua.test", OFFICER_PASSWORD);
  await expect(page).toHaveURL(/\/officer(\?|$)/);
  return page;
}

test.describe("notifications", () => {
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-phone", "citizen pages run on the phone profile"));

  test("receipt e-mail with code, QR and tracking link; supplement request by e-mail, SMS and in the app, answered from the link", async ({ page, browser, db }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
    const citizen = await newCitizen(db, "Đặng Thu Trang");
    const mark = token(6);

    // ── The citizen submits online ──
    await signInTo(page, `/procedures/${PROCEDURE}/submit`, citizen);
    const form = new SubmissionPage(page);
    await expect(form.form).toBeVisible();
    await form.fill({ "a.applicantType": "CITIZEN", "a.phone": citizen.phone, "a.address": citizen.address, ...taskResultsFields(mark) });
    await form.chooseAgency("Sở Khoa học và Công nghệ Hà Nội");
    await form.deliverAtDesk();
    const pdf = await makePdf(`Ho so ${mark}`);
    for (const order of [1, 2, 3, 4]) await form.attach(order, { name: `tp-${order}-${mark}.pdf`, mimeType: "application/pdf", buffer: pdf });
    await form.submit();
    await expect(page).toHaveURL(/\/dossiers\/[^/]+\/submitted$/);
    const code = (await page.getByTestId("dossier-code").textContent())!.replace(/\s/g, "");
    await waitForMail(citizen.email, code);

    // ── The desk receives it ──
    const officer = await receptionOfficer(browser);
    const queue = new OfficerWorklistPage(officer);
    await queue.goto("reception", code);
    await queue.openDossier(code);
    const atDesk = new OfficerDossierPage(officer);
    await atDesk.act("RECEIVE");
    await atDesk.expectStatus("RECEIVED");

    // ── The receipt e-mail: the code as text and as a QR image, a tracking link that works ──
    const receipt = await waitForMail(citizen.email, `Hồ sơ ${code} đã được tiếp nhận`);
    expect(receipt.text).toContain(code);
    expect(receipt.text).toMatch(/Ngày hẹn trả kết quả: \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    expect(receipt.attachments.filter((a) => a.contentType === "image/png" && a.cid)).toHaveLength(1);
    expect(receipt.html).toContain(code);
    const trackingLink = linkIn(receipt.text, `${e2eBaseUrl}/track/`);
    expect(trackingLink).toBe(`${e2eBaseUrl}/track/${code}`);
    await page.goto(trackingLink);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
    await expect(page.getByText(vi.status.RECEIVED).first()).toBeVisible();
    // The row says what went out, once, with the SMTP server's id.
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code }, select: { id: true } });
    const receiptRows = await db.notificationDelivery.findMany({ where: { dossierId: dossier.id, template: "dossier.received" }, orderBy: { channel: "asc" } });
    expect(receiptRows.map((r) => [r.channel, r.status])).toEqual([
      ["EMAIL", "SENT"],
      ["SMS", "SENT"],
      ["IN_APP", "SENT"],
    ]);
    expect(receiptRows[0]!.providerMessageId).toBe(receipt.queueId);

    // ── A supplement request ──
    const missing = `Biên bản nghiệm thu có chữ ký ${mark}`;
    await atDesk.act("REQUEST_SUPPLEMENT", async (dialog) => {
      await dialog.getByPlaceholder(vi.officer.act.itemN.replace("{n}", "1")).fill(missing);
      await dialog.getByLabel(vi.officer.act.supplementNote).fill("Vui lòng nộp bản chụp có đủ chữ ký.");
    });
    await atDesk.expectStatus("SUPPLEMENT_REQUESTED");
    await officer.context().close();

    const request = await waitForMail(citizen.email, `Hồ sơ ${code} cần bổ sung`);
    expect(request.text).toContain(missing);
    expect(request.text).toMatch(/Vui lòng bổ sung trước \d\d\/\d\d\/\d{4}/);
    const sms = await waitForSms(citizen.phone, new RegExp(`^Ho so ${code.replace(/\./g, "\\.")} can bo sung: `));
    expect(sms.message).toContain("Bien ban nghiem thu"); // without diacritics
    expect(sms.segments).toBe(1);
    // Exactly one of each so far, whatever retried.
    expect((await mailsTo(citizen.email)).filter((m) => m.subject.includes(code))).toHaveLength(3);

    // ── In the app: the unread count in the header, the list in /me, marked read when opened ──
    await page.goto("/me");
    await expect(page.getByTestId("header-unread")).toBeVisible();
    await page.getByTestId("header-notifications").click();
    await expect(page).toHaveURL(/\/me\/notifications$/);
    await expectNoAxeViolations(page);
    const item = page.getByTestId("notification").filter({ hasText: `Hồ sơ ${code} cần bổ sung` });
    await expect(item).toHaveAttribute("data-read", "false");
    await item.getByRole("link").click();
    await expect(page.getByTestId("notification-detail")).toContainText(missing);
    await expectNoAxeViolations(page);
    const opened = await db.notificationDelivery.findFirstOrThrow({ where: { dossierId: dossier.id, template: "dossier.supplementRequested", channel: "IN_APP" } });
    expect(opened.readAt).not.toBeNull();
    await page.goto("/me/notifications");
    await expect(page.getByTestId("notification").filter({ hasText: `Hồ sơ ${code} cần bổ sung` })).toHaveAttribute("data-read", "true");

    // ── The citizen answers from the e-mail's link ──
    const answerLink = linkIn(request.text, `${e2eBaseUrl}/me/dossiers/`);
    await page.goto(answerLink);
    await expect(page.getByTestId("supplement-request")).toContainText(missing);
    await page.getByLabel(vi.me.answerNote).fill(`Đã bổ sung ${mark}`);
    await page.locator('input[type="file"][name="files"]').setInputFiles({ name: `bo-sung-${mark}.pdf`, mimeType: "application/pdf", buffer: await makePdf(`Bo sung ${mark}`) });
    await page.getByRole("button", { name: vi.me.answerSubmit }).click();
    await expect(page.getByText(vi.me.answered)).toBeVisible();
    expect((await db.dossier.findUniqueOrThrow({ where: { code }, select: { status: true } })).status).toBe("PROCESSING");

    // What the stand-ins received, on /dev/mail (there only because they run).
    await page.goto("/dev/mail");
    await expect(page.getByTestId("dev-mail").filter({ hasText: `Hồ sơ ${code} cần bổ sung` })).toHaveCount(1);
    await expect(page.getByTestId("dev-sms-item").filter({ hasText: `Ho so ${code} can bo sung` })).toHaveCount(1);
  });

  test("choosing channels in the profile; forgot password: the same answer for any address, a single-use link by e-mail", async ({ page, db }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
    const citizen = await newCitizen(db, "Lưu Quang Vinh");

    await signInTo(page, "/me/profile", citizen);
    await page.getByTestId("channel-sms").uncheck();
    await page.getByTestId("channels-submit").click();
    await expect(page.getByTestId("channels-saved")).toBeVisible();
    await expect(page.getByTestId("channel-sms")).not.toBeChecked();
    expect((await db.user.findUniqueOrThrow({ where: { id: citizen.id }, select: { notificationChannels: true } })).notificationChannels).toEqual(["EMAIL"]);
    await expectNoAxeViolations(page);
    await page.context().clearCookies();

    // An address without an account gets the same answer, and nothing is sent.
    const nobody = `khongco.${token(8)}@example.vn`;
    await page.goto("/sign-in");
    await page.getByTestId("forgot-password-link").click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expectNoAxeViolations(page);
    await page.getByLabel(vi.auth.reset.emailLabel).fill(nobody);
    await page.getByTestId("reset-request-submit").click();
    await expect(page.getByTestId("reset-sent")).toHaveText(`${vi.auth.reset.sentTitle}${vi.auth.reset.sentBody}`);
    const answerForNobody = await page.getByTestId("reset-sent").innerHTML();

    await page.goto("/forgot-password");
    await page.getByLabel(vi.auth.reset.emailLabel).fill(citizen.email);
    await page.getByTestId("reset-request-submit").click();
    expect(await page.getByTestId("reset-sent").innerHTML()).toBe(answerForNobody);
    await expectNoAxeViolations(page);

    const mail = await waitForMail(citizen.email, "Đặt lại mật khẩu");
    expect(await mailsTo(nobody)).toHaveLength(0);
    const link = linkIn(mail.text, `${e2eBaseUrl}/reset-password?token=`);
    // Only the token's hash is stored.
    const tokenValue = new URL(link).searchParams.get("token")!;
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: citizen.id }, orderBy: { createdAt: "desc" } });
    expect(stored.tokenHash).not.toContain(tokenValue);
    expect(JSON.stringify(await db.notificationDelivery.findFirstOrThrow({ where: { sourceKey: `password-reset:${stored.id}` } }))).not.toContain(tokenValue);

    await page.goto(link);
    await expectNoAxeViolations(page);
    const newPassword = `Moi${token(8)}2027`;
    await page.getByLabel(vi.auth.reset.newPassword, { exact: true }).fill(newPassword);
    await page.getByLabel(vi.auth.reset.confirmPassword, { exact: true }).fill(newPassword);
    await page.getByTestId("reset-submit").click();
    await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
    await expect(page.getByTestId("reset-done")).toBeVisible();
    await new SignInPage(page).signIn(citizen.email, newPassword);
    await expect(page).toHaveURL(/\/me$/);

    // The link worked once.
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByTestId("reset-invalid")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
