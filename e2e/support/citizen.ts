import { expect, type Page } from "@playwright/test";
import type { Db } from "../../server/db";
import { registerCitizen } from "../../server/modules/account/commands/register-citizen";
import { SignInPage } from "../pages/sign-in-page";
import { token, uniqueIdNumber, uniquePhone } from "./test-data";

export interface Citizen {
  id: string;
  name: string;
  email: string;
  phone: string;
  idNumber: string;
  address: string;
  password: string;
}

/** A citizen account of the test's own, made by the account module's registration (the sign-up page has its own spec). */
export async function newCitizen(db: Db, name = "Vũ Thị Minh Thư"): Promise<Citizen> {
  const mark = token(8);
  const person = {
    name: `${name} ${mark.slice(0, 4)}`,
    email: `congdan.${mark}@example.vn`,
    phone: uniquePhone(),
    idNumber: uniqueIdNumber(),
    address: "Số 12 Trần Hưng Đạo, phường Hoàn Kiếm, Hà Nội",
    password: `Matkhau${mark}2026`,
  };
  const user = await registerCitizen(db, { ...person, dateOfBirth: "1992-05-17", applicantType: "CITIZEN", locale: "vi" });
  return { id: user.id, ...person };
}

/** Opens `path` (which asks to sign in) and signs in through the real form; lands back on `path`. */
export async function signInTo(page: Page, path: string, citizen: Pick<Citizen, "email" | "password">): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const signIn = new SignInPage(page);
  await signIn.signIn(citizen.email, citizen.password);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\?|$)`));
}
