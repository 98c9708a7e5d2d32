import type { Locator, Page } from "@playwright/test";

/** The officer workspace's landing page. */
export class OfficerHomePage {
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole("main");
  }

  async goto(): Promise<void> {
    await this.page.goto("/officer");
  }
}
