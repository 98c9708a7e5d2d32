import { expect, type Locator, type Page } from "@playwright/test";

export type WorklistView = "mine" | "queue" | "dueSoon" | "overdue" | "supplement" | "reception" | "all";

/** A worklist (/officer/worklist/<view>): the search box and the rows' links to dossiers. */
export class OfficerWorklistPage {
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.search = page.locator("#wl-q");
  }

  async goto(view: WorklistView, query?: string): Promise<void> {
    await this.page.goto(`/officer/worklist/${view}${query ? `?q=${encodeURIComponent(query)}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** The link to a dossier by its code, in whichever layout (table or cards) is showing. */
  dossierLink(code: string): Locator {
    return this.page.locator("a[href^='/officer/dossiers/']:visible", { hasText: code });
  }

  async openDossier(code: string): Promise<void> {
    await this.dossierLink(code).first().click();
    await expect(this.page).toHaveURL(/\/officer\/dossiers\/[^/?]+/);
  }
}
