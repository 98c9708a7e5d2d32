import type { Locator, Page } from "@playwright/test";

/** The officers' sign-in form (email or phone number and password). */
export class SignInPage {
  readonly identifier: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    // Scoped to the page's main content: the header has its own "Đăng nhập" link.
    const main = page.getByRole("main");
    this.identifier = main.getByLabel("Email hoặc số điện thoại");
    this.password = main.getByLabel("Mật khẩu", { exact: true });
    this.submit = main.getByRole("button", { name: "Đăng nhập", exact: true });
    // Next's route announcer is also role="alert", but empty.
    this.error = main.getByRole("alert");
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
