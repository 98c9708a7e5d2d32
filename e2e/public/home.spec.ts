import en from "../../messages/en.json" with { type: "json" };
import vi from "../../messages/vi.json" with { type: "json" };
import { expectNoAxeViolations } from "../fixtures/axe";
import { expect, test } from "../fixtures";

test.describe("home page", () => {
  test("renders in Vietnamese by default", async ({ homePage, page }) => {
    await homePage.goto();
    expect(await homePage.htmlLang()).toBe("vi");
    await expect(homePage.mainHeading).toHaveText(vi.home.heroTitle);
    // The catalogue comes from the seeded database, not a fallback notice.
    await expect(page.getByRole("heading", { level: 2, name: vi.home.sectorsTitle })).toBeVisible();
    await expect(page.getByText(vi.home.catalogueUnavailable)).toHaveCount(0);
  });

  test("the language switch turns it into English and back", async ({ homePage }) => {
    await homePage.goto();
    await homePage.switchLanguage("en");
    expect(await homePage.htmlLang()).toBe("en");
    await expect(homePage.mainHeading).toHaveText(en.home.heroTitle);
    expect(en.home.heroTitle).not.toBe(vi.home.heroTitle);

    // The choice sticks across navigations (a cookie), and switching back restores Vietnamese.
    await homePage.goto();
    expect(await homePage.htmlLang()).toBe("en");
    await homePage.switchLanguage("vi");
    await expect(homePage.mainHeading).toHaveText(vi.home.heroTitle);
  });

  test("has no WCAG 2.2 AA violations in either language", async ({ homePage, page }) => {
    await homePage.goto();
    await expect(homePage.mainHeading).toBeVisible();
    await expectNoAxeViolations(page);
    await homePage.switchLanguage("en");
    await expectNoAxeViolations(page);
  });
});
