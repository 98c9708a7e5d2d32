import { expect, type Locator, type Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };

export type OfficerAction = keyof typeof vi.officer.actions;
export type DossierFormNumber = "01" | "02" | "03" | "04" | "05" | "06";

/**
 * One dossier in the officer workspace (/officer/dossiers/<id>): the status badge, the action
 * buttons the server offers (data-action), each action's dialog, and the standard forms' links.
 */
export class OfficerDossierPage {
  readonly code: Locator;
  readonly status: Locator;
  readonly actionButtons: Locator;
  readonly dialog: Locator;
  readonly readOnly: Locator;

  constructor(private readonly page: Page) {
    this.code = page.getByRole("heading", { level: 1 });
    this.status = page.locator("header [data-status]");
    this.actionButtons = page.locator("button[data-action]");
    this.dialog = page.getByRole("dialog");
    this.readOnly = page.getByText(vi.officer.dossier.readOnly);
  }

  async goto(dossierId: string): Promise<void> {
    await this.page.goto(`/officer/dossiers/${dossierId}`);
    await expect(this.code).toBeVisible();
  }

  /** The actions offered now, as the buttons' data-action values, sorted. */
  async actions(): Promise<string[]> {
    const values = await this.actionButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-action") ?? ""));
    return values.sort();
  }

  async expectStatus(status: keyof typeof vi.status): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", status);
    await expect(this.status).toHaveText(vi.status[status]);
  }

  /**
   * Opens an action's dialog, lets `fill` complete it, confirms, and waits until the dialog is
   * gone and the success notice is shown (the page refreshes from the server after it).
   */
  async act(action: OfficerAction, fill: (dialog: Locator) => Promise<void> = async () => {}): Promise<void> {
    await this.page.locator(`button[data-action="${action}"]`).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole("heading", { level: 2 })).toHaveText(vi.officer.actions[action]);
    await fill(this.dialog);
    await this.dialog.getByRole("button", { name: vi.officer.act.submit.replace("{action}", vi.officer.actions[action]) }).click();
    await expect(this.dialog).toBeHidden({ timeout: 20_000 });
    await expect(this.page.getByText(vi.officer.act.done.replace("{action}", vi.officer.actions[action]))).toBeVisible();
  }

  /** Picks an officer in the dialog's assignee list by (part of) their name; waits for the list to load. */
  static async chooseAssignee(dialog: Locator, name: string): Promise<void> {
    const select = dialog.locator("#act-assignee");
    await expect(select).toBeEnabled();
    const option = select.locator("option", { hasText: name });
    await expect(option).toHaveCount(1);
    await select.selectOption({ value: (await option.getAttribute("value"))! });
  }

  formLink(form: DossierFormNumber): Locator {
    return this.page.locator(`a[data-form="${form}"]`);
  }

  /** The forms listed in the sidebar, in order. */
  async forms(): Promise<string[]> {
    return this.page.locator("a[data-form]").evaluateAll((links) => links.map((a) => a.getAttribute("data-form") ?? ""));
  }

  /** Downloads a form through its link with this officer's session; returns the bytes. */
  async downloadForm(form: DossierFormNumber): Promise<Buffer> {
    const href = await this.formLink(form).getAttribute("href");
    expect(href, `the page links form ${form}`).toBeTruthy();
    const response = await this.page.request.get(href!);
    expect(response.status(), `GET ${href}`).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    return response.body();
  }
}
