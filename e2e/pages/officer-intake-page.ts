import { expect, type Locator, type Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };

export interface IntakeApplicant {
  name: string;
  idNumber: string;
  phone?: string;
  address?: string;
}

/** Counter intake (/officer/intake): the desk files a walk-in dossier, received at once. */
export class OfficerIntakePage {
  readonly form: Locator;
  readonly procedure: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole("form", { name: vi.officer.intake.formLabel });
    this.procedure = page.locator("#intake-procedure");
    this.submit = this.form.getByRole("button", { name: vi.officer.intake.submit, exact: true });
    this.error = this.form.getByRole("alert");
  }

  async goto(): Promise<void> {
    await this.page.goto("/officer/intake");
    await expect(this.form).toBeVisible();
  }

  /** Chooses the procedure by its code (the options read "<code> — <name>"). */
  async chooseProcedure(code: string): Promise<void> {
    await expect(this.procedure).toBeEnabled();
    const option = this.procedure.locator("option", { hasText: `${code} — ` });
    await expect(option).toHaveCount(1);
    await this.procedure.selectOption({ value: (await option.getAttribute("value"))! });
  }

  async fillApplicant(applicant: IntakeApplicant): Promise<void> {
    await this.page.locator("#intake-name").fill(applicant.name);
    await this.page.locator("#intake-id-number").fill(applicant.idNumber);
    if (applicant.phone) await this.page.locator("#intake-phone").fill(applicant.phone);
    if (applicant.address) await this.page.locator("#intake-address").fill(applicant.address);
  }

  /** Ticks every document listed as received (the checklist's checkboxes). */
  async tickAllDocuments(): Promise<number> {
    const boxes = this.form.locator("#intake-checklist input[type=checkbox]");
    const count = await boxes.count();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    return count;
  }
}
