import type { Locator, Page } from "@playwright/test";

/** The officers' sign-in form (email or phone number and password). */
export class SignInPage {
  readonly identifier: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.identifier = page.getByLabel("Email hoặc số điện thoại");
    this.password = page.getByLabel("Mật khẩu", { exact: true });
    this.submit = page.getByRole("button", { name: "Đăng nhập" });
    this.error = page.getByRole("alert").filter({ hasText: /\S/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
  }

  async signIn(identifier: string, password: string): Promise<void> {
    await this.identifier.fill(identifier);
    await this.password.fill(password);
    await this.submit.click();
  }
}
