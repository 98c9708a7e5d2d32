import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Public tracking: the look-up form (/track) and one dossier's page (/track/<code>) with its public
 * summary and timeline, the ID-number form that opens the full view, and the full view itself.
 */
export class TrackingPage {
  readonly heading: Locator;
  readonly timeline: Locator;
  readonly full: Locator;
  readonly access: Locator;
  readonly idError: Locator;
  readonly error: Locator;
  readonly applicant: Locator;
  readonly supplementRequest: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.timeline = page.getByTestId("tracking-timeline");
    this.full = page.getByTestId("tracking-full");
    this.access = page.getByTestId("track-access");
    this.idError = page.getByTestId("track-id-error");
    this.error = page.getByTestId("track-error");
    this.applicant = page.getByTestId("tracking-applicant");
    this.supplementRequest = page.getByTestId("supplement-request");
  }

  async gotoSearch(): Promise<void> {
    await this.page.goto("/track");
  }

  async goto(code: string): Promise<void> {
    await this.page.goto(`/track/${encodeURIComponent(code)}`);
    await expect(this.heading).toBeVisible();
  }

  /** The look-up form on /track: code, and optionally the applicant's ID number. */
  async lookUp(code: string, idNumber?: string): Promise<void> {
    await this.page.locator("#track-code").fill(code);
    if (idNumber !== undefined) await this.page.locator("#track-id").fill(idNumber);
    await this.page.getByTestId("track-submit").click();
  }

  /** The ID-number form on a dossier's page, for the full view. */
  async showFull(idNumber: string): Promise<void> {
    await this.page.locator("#track-full-id").fill(idNumber);
    await this.page.getByTestId("track-full-submit").click();
  }

  /** The page as the server sends it to this browser (its cookies): the HTML with the inline RSC payload. */
  async rawHtml(code: string, headers: Record<string, string> = {}): Promise<string> {
    const response = await this.page.request.get(`/track/${encodeURIComponent(code)}`, { headers });
    expect(response.status()).toBe(200);
    return response.text();
  }
}
