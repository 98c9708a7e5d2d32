import { expect, type Locator, type Page } from "@playwright/test";

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * The online submission form (/procedures/<code>/submit): inputs by name ("a.<key>" applicant,
 * "f.<path>" e-form, "deliveryAddress.<part>"), the agency choice, one upload slot per document
 * component (upload-<order>), the delivery choice, and the two buttons.
 */
export class SubmissionPage {
  readonly form: Locator;
  readonly submitButton: Locator;
  readonly saveDraftButton: Locator;
  readonly errorSummary: Locator;
  readonly agency: Locator;
  readonly draftStatus: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId("submission-form");
    this.submitButton = page.getByTestId("submit-dossier");
    this.saveDraftButton = page.getByTestId("save-draft");
    this.errorSummary = page.getByTestId("error-summary");
    this.agency = page.getByTestId("agency-select");
    this.draftStatus = page.getByTestId("draft-status");
  }

  async goto(procedureCode: string): Promise<void> {
    await this.page.goto(`/procedures/${encodeURIComponent(procedureCode)}/submit`);
    await expect(this.form).toBeVisible();
  }

  input(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  /** The translated message shown under an input (server- or browser-rendered). */
  errorFor(name: string): Locator {
    return this.form.locator(`[data-error-for="${name}"]`);
  }

  /** Fills inputs by name: selects by value, everything else by typing the value. */
  async fill(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const input = this.input(name);
      await expect(input, `input ${name}`).toHaveCount(1);
      const tag = await input.evaluate((el) => el.tagName.toLowerCase());
      if (tag === "select") await input.selectOption(value);
      else await input.fill(value);
    }
  }

  async chooseAgency(nameVi: string): Promise<void> {
    const option = this.agency.locator("option", { hasText: nameVi });
    await expect(option.first()).toBeAttached();
    await this.agency.selectOption({ value: (await option.first().getAttribute("value"))! });
  }

  slot(order: number): Locator {
    return this.page.getByTestId(`upload-${order}`);
  }

  /** Picks a file for a component; with JavaScript it uploads at once: waits until the slot holds it. */
  async attach(order: number, file: UploadFile, { wait = true } = {}): Promise<void> {
    const slot = this.slot(order);
    await slot.locator("input[type=file]").setInputFiles(file);
    if (wait) {
      await expect(slot).toHaveAttribute("data-uploading", "false", { timeout: 20_000 });
      await expect(slot).toHaveAttribute("data-has-file", "true", { timeout: 20_000 });
    }
  }

  /** The slot's own message (a refused file, a missing document). */
  slotError(order: number): Locator {
    return this.slot(order).locator("[data-error-for]");
  }

  async deliverAtDesk(): Promise<void> {
    await this.page.getByTestId("delivery-at-desk").check();
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }
}
