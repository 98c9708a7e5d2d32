import type { Locator, Page } from "@playwright/test";

export type Language = "vi" | "en";

/** The public home page (citizens' entry point). */
export class HomePage {
  readonly mainHeading: Locator;

  constructor(private readonly page: Page) {
    this.mainHeading = page.getByRole("heading", { level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
  }

  /** The language switch is a form with one button per language, named in that language. */
  languageButton(language: Language): Locator {
    return this.page.getByRole("button", { name: language === "en" ? "English" : "Tiếng Việt", exact: true });
  }

  async switchLanguage(language: Language): Promise<void> {
    await this.languageButton(language).click();
    await this.page.locator(`html[lang="${language}"]`).waitFor();
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator("html").getAttribute("lang");
  }
}
