import vi from "../../messages/vi.json" with { type: "json" };
import { sessionCookieName } from "../support/env";
import { demoOfficer, demoOfficers, expect, test } from "../fixtures";

test.describe("officer sign-in", () => {
  test("a seeded officer signs in and sees their agency and role", async ({ page, signInAs, officerHomePage, db }) => {
    const account = demoOfficer(0);
    await signInAs(account);

    await expect(officerHomePage.heading).toHaveText(vi.officer.title);
    const membership = officerHomePage.membershipFor(account.agencyVi);
    await expect(membership).toHaveCount(1);
    await expect(membership).toContainText(account.roleVi);

    expect((await page.context().cookies()).some((c) => c.name === sessionCookieName && c.value !== "")).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, select: { lastSignInAt: true, failedSignIns: true } });
    expect(user.failedSignIns).toBe(0);
    expect(Date.now() - (user.lastSignInAt?.getTime() ?? 0)).toBeLessThan(60_000);
  });

  test("a wrong password gets a clear error and no session", async ({ page, signInPage, db }) => {
    // Another account than the test above, so the two can run in parallel.
    const account = demoOfficers.at(-1)!;
    const where = { email: account.email };
    const before = await db.user.findUniqueOrThrow({ where, select: { failedSignIns: true } });

    try {
      await signInPage.goto();
      await signInPage.signIn(account.email, `${account.password}-wrong`);

      await expect(signInPage.error).toHaveText(vi.auth.invalidCredentials);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(signInPage.identifier).toHaveValue(account.email);
      await expect(signInPage.password).toHaveAttribute("aria-invalid", "true");
      expect((await page.context().cookies()).filter((c) => c.name === sessionCookieName && c.value !== "")).toEqual([]);

      // The officer workspace still sends this browser to sign in.
      await page.goto("/officer");
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)officer$/);

      const after = await db.user.findUniqueOrThrow({ where, select: { failedSignIns: true } });
      expect(after.failedSignIns).toBe(before.failedSignIns + 1);
    } finally {
      // Leave the shared seeded account as it was (five failures would lock it).
      await db.user.update({ where, data: { failedSignIns: before.failedSignIns } });
    }
  });
});
