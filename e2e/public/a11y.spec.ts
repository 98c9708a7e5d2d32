import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import type { Db } from "../../server/db";
import { applyDossierAction } from "../../server/modules/dossier/commands/act";
import { createDossier } from "../../server/modules/dossier/commands/create-dossier";
import { expectNoAxeViolations } from "../fixtures/axe";
import { SubmissionPage } from "../pages/submission-page";
import { newCitizen, signInTo, type Citizen } from "../support/citizen";
import { clientAddress } from "../support/test-data";
import { expect, test } from "../fixtures";

// Every public page, scanned with axe for WCAG 2.2 AA (wcagTags in fixtures/axe.ts), on the phone
// and on the desktop layout: the pages citizens reach signed out, the signed-in ones (/me, the
// submission form, its confirmation), and states that add markup (errors, the full tracking view,
// a supplement request to answer).

const PROCEDURE = "1.004473";

/** An online dossier of the citizen's at the Hà Nội desk, made by the function the portal's submit ends in. */
async function onlineDossier(db: Db, citizen: Citizen): Promise<{ id: string; code: string }> {
  const agency = await db.agency.findFirstOrThrow({ where: { code: departmentCode("Hà Nội") }, select: { id: true } });
  const version = await db.procedureVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", procedure: { code: PROCEDURE } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const created = await createDossier(db, {
    procedureVersionId: version.id,
    receivingAgencyId: agency.id,
    applicantName: citizen.name,
    applicantIdNumber: citizen.idNumber,
    applicantPhone: citizen.phone,
    applicantAddress: citizen.address,
    channel: 2,
    status: "NEW",
    ownerId: citizen.id,
    formData: { taskName: "Nghiên cứu chọn tạo giống lúa chịu mặn" },
    idempotencyKey: `e2e-a11y-${randomBytes(8).toString("hex")}`,
    actor: { userId: citizen.id },
  });
  return { id: created.id, code: created.code };
}

/** The desk receives it and asks for a supplement (the officer UI has its own specs). */
async function askForSupplement(db: Db, dossierId: string): Promise<void> {
  const desk = await db.user.findUniqueOrThrow({ where: { email: "tiepnhan.hanoi@motcua.test" }, select: { id: true } });
  const key = () => `e2e-a11y-${randomBytes(8).toString("hex")}`;
  await applyDossierAction(db, { actorUserId: desk.id, dossierId, action: "RECEIVE", expectedVersion: 1, idempotencyKey: key(), payload: {} });
  await applyDossierAction(db, {
    actorUserId: desk.id,
    dossierId,
    action: "REQUEST_SUPPLEMENT",
    expectedVersion: 2,
    idempotencyKey: key(),
    payload: { items: ["Bản sao quyết định giao nhiệm vụ có chứng thực"], note: "Bản đã nộp không đọc được." },
  });
}

async function scan(page: Page, path: string, ready?: (page: Page) => Promise<void>): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  if (ready) await ready(page);
  await expectNoAxeViolations(page);
}

test.describe("accessibility of the public pages (WCAG 2.2 AA)", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ page }) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  });

  test("signed out: home, catalogue, procedure, tracking, sign-in, sign-up, kiosk", async ({ page, db }) => {
    const citizen = await newCitizen(db);
    const dossier = await onlineDossier(db, citizen);

    await scan(page, "/");
    await scan(page, "/procedures");
    await scan(page, "/procedures?q=dang+ky");
    await scan(page, `/procedures/${PROCEDURE}`);
    await scan(page, "/track");
    await scan(page, `/track?error=notFound&code=${encodeURIComponent(dossier.code.replace(/\d{4}$/, "9999"))}`);
    await scan(page, `/track/${encodeURIComponent(dossier.code)}`);
    // A wrong ID number: the page with its error message.
    await page.locator("#track-full-id").fill("000000000000");
    await page.getByTestId("track-full-submit").click();
    await expect(page.getByTestId("track-id-error")).toHaveText(vi.track.idMismatch);
    await expectNoAxeViolations(page);
    // The right one: the full view.
    await page.locator("#track-full-id").fill(citizen.idNumber);
    await page.getByTestId("track-full-submit").click();
    await expect(page.getByTestId("tracking-full")).toBeVisible();
    await expectNoAxeViolations(page);

    await scan(page, "/sign-in");
    // With an error shown.
    await page.getByRole("main").getByLabel(vi.auth.identifierLabel).fill("khong-co@example.vn");
    await page.getByRole("main").getByLabel(vi.auth.passwordLabel, { exact: true }).fill("sai-mat-khau-123");
    await page.getByRole("main").getByRole("button", { name: vi.auth.submit, exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
    await expectNoAxeViolations(page);

    await scan(page, "/sign-up");
    // Submitted empty (the server's answer, every problem at once).
    await page.getByTestId("sign-up-submit").evaluate((b) => (b as HTMLButtonElement).form?.setAttribute("novalidate", ""));
    await page.getByTestId("sign-up-submit").click();
    await expect(page.getByTestId("form-errors")).toBeVisible();
    await expectNoAxeViolations(page);

    await scan(page, "/kiosk");
  });

  test("signed in: the submission form (also with errors), the confirmation, /me and a dossier to answer", async ({ page, db }) => {
    const citizen = await newCitizen(db);
    const submitted = await onlineDossier(db, citizen);
    const waiting = await onlineDossier(db, citizen);
    await askForSupplement(db, waiting.id);

    const submitPath = `/procedures/${PROCEDURE}/submit`;
    await signInTo(page, submitPath, citizen);
    const form = new SubmissionPage(page);
    await expect(form.form).toBeVisible();
    await expectNoAxeViolations(page);
    // The browser's check with its error summary and messages in place.
    await form.input("a.idNumber").fill("123");
    await form.submit();
    await expect(form.errorSummary).toBeVisible();
    await expectNoAxeViolations(page);

    await scan(page, `/dossiers/${encodeURIComponent(submitted.code)}/submitted`, async (p) => {
      await expect(p.getByTestId("dossier-code")).toBeVisible();
    });
    await scan(page, "/me");
    await scan(page, "/me/profile");
    await scan(page, `/me/dossiers/${encodeURIComponent(submitted.code)}`);
    await scan(page, `/me/dossiers/${encodeURIComponent(waiting.code)}`, async (p) => {
      await expect(p.getByTestId("supplement-request")).toContainText("Bản sao quyết định giao nhiệm vụ có chứng thực");
      await expect(p.getByTestId("supplement-form")).toBeVisible();
    });
    // The owner's own tracking page (full view, with the supplement request).
    await scan(page, `/track/${encodeURIComponent(waiting.code)}`);
  });
});
