import type { Locator, Page } from "@playwright/test";

/** The sign-in page of the local OpenID Provider (scripts/dev-oidc-provider.ts) standing in for VNeID and organisational SSO. */
export class DevIdentityProviderPage {
  readonly heading: Locator;
  readonly submit: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.submit = page.getByRole("button", { name: "Đăng nhập", exact: true });
  }

  /** One of the listed test identities, by the ID number or e-mail on its label. */
  async chooseIdentity(idNumberOrEmail: string): Promise<void> {
    await this.page.getByRole("radio", { name: idNumberOrEmail }).check();
    await this.submit.click();
  }

  /** Any other citizen, typed in: the same ID number is the same person (the same subject) every time. */
  async enterCitizen(idNumber: string, name: string): Promise<void> {
    await this.page.getByLabel("Số định danh cá nhân (12 chữ số)").fill(idNumber);
    await this.page.getByLabel("Họ và tên").fill(name);
    await this.submit.click();
  }

  async enterOfficer(email: string): Promise<void> {
    await this.page.getByLabel("Email công vụ").fill(email);
    await this.submit.click();
  }
}
