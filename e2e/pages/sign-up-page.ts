import type { Locator, Page } from "@playwright/test";

export interface SignUpDetails {
  name: string;
  email: string;
  phone: string;
  password: string;
  idNumber: string;
  dateOfBirth: string;
  address: string;
}

/** The citizens' sign-up form (/sign-up): signs the new account in and goes on to the callback or /me. */
export class SignUpPage {
  readonly submit: Locator;
  readonly errors: Locator;

  constructor(private readonly page: Page) {
    this.submit = page.getByTestId("sign-up-submit");
    this.errors = page.getByTestId("form-errors");
  }

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  }

  async signUp(details: SignUpDetails): Promise<void> {
    const field = (id: string) => this.page.locator(`#su-${id}`);
    await field("email").fill(details.email);
    await field("phone").fill(details.phone);
    await field("password").fill(details.password);
    await field("passwordConfirm").fill(details.password);
    await field("name").fill(details.name);
    await field("idNumber").fill(details.idNumber);
    await field("dateOfBirth").fill(details.dateOfBirth);
    await field("address").fill(details.address);
    await this.page.locator("#type-citizen").check();
    await this.submit.click();
  }
}
