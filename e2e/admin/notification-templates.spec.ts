import vi from "../../messages/vi.json" with { type: "json" };
import { OFFICER_PASSWORD } from "../../prisma/seed/accounts";
import { SignInPage } from "../pages/sign-in-page";
import { expect, test } from "../fixtures";

// Issue 12: notification templates are edited in /admin with a live preview; a wording with an
// unknown variable is refused with a translated field error; a good one is saved and used.

test("a system administrator edits a notification template with a live preview; an unknown variable refuses to save", async ({ page, db }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("quantrihethong@motcua.test", OFFICER_PASSWORD);
  await expect(page).toHaveURL(/\/officer(\?|$)/);

  await page.goto("/admin/notifications");
  await page.getByTestId("template-list").getByRole("link", { name: vi.admin.notifications.templates.dossier.stopped }).click();
  await expect(page).toHaveURL(/\/admin\/notifications\/dossier\.stopped$/);

  const sms = page.getByTestId("wording-SMS-vi");
  const body = sms.getByLabel(vi.admin.notifications.body);
  const preview = page.getByTestId("preview-SMS-vi");
  // The preview renders the sample values as one types.
  await body.fill("Hồ sơ {{code}} dừng: {{reason}}");
  await expect(preview).toHaveText("Ho so 000.00.53.H26-261208-0001 dung: Nguoi nop khong bo sung ho so theo yeu cau.");
  await expect(page.getByTestId("sms-length-vi")).toContainText("1");

  // A misspelt variable: the preview says so at once; saving is refused with the field's error in
  // Vietnamese, and nothing is saved.
  await body.fill("Hồ sơ {{cdoe}} dừng giải quyết");
  await expect(sms.getByText(vi.admin.fieldErrors.UNKNOWN_VARIABLE)).toBeVisible();
  await sms.getByRole("button", { name: vi.admin.common.save }).click();
  await expect(page.locator("#dossier-stopped-SMS-vi-body-error")).toHaveText(vi.admin.fieldErrors.UNKNOWN_VARIABLE);
  expect(await db.notificationTemplate.count({ where: { template: "dossier.stopped", channel: "SMS", locale: "vi" } })).toBe(0);

  await body.fill("Ho so {{code}} dung giai quyet: {{reason}}. {{trackingUrl}}");
  await sms.getByRole("button", { name: vi.admin.common.save }).click();
  await expect(sms.getByText(vi.admin.common.saved)).toBeVisible();
  const row = await db.notificationTemplate.findUniqueOrThrow({ where: { template_channel_locale: { template: "dossier.stopped", channel: "SMS", locale: "vi" } } });
  expect(row.body).toBe("Ho so {{code}} dung giai quyet: {{reason}}. {{trackingUrl}}");
  expect(await db.auditLog.count({ where: { entity: "NotificationTemplate", entityId: "dossier.stopped/SMS/vi", action: "update" } })).toBeGreaterThan(0);

  // Back to the default wording.
  await page.getByTestId("wording-SMS-vi").getByRole("button", { name: vi.admin.notifications.reset }).click();
  await expect.poll(() => db.notificationTemplate.count({ where: { template: "dossier.stopped", channel: "SMS", locale: "vi" } })).toBe(0);
});
