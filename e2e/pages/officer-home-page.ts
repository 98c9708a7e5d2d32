import type { Locator, Page } from "@playwright/test";

/** The officer workspace's landing page: who is signed in, their agencies and roles, dossier counts. */
export class OfficerHomePage {
  readonly heading: Locator;
  /** One item per agency: "<agency name> · <role>, <role>". */
  readonly memberships: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.memberships = page.getByTestId("officer-memberships").getByRole("listitem");
  }

  async goto(): Promise<void> {
    await this.page.goto("/officer");
  }

  membershipFor(agencyName: string): Locator {
    return this.memberships.filter({ hasText: agencyName });
  }
}
