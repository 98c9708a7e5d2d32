"use server";

import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { signInAndStartSession } from "~/server/auth";
import { AppError } from "~/server/errors";

export interface SignUpValues {
  name: string;
  email: string;
  phone: string;
  idNumber: string;
  dateOfBirth: string;
  address: string;
  applicantType: "CITIZEN" | "BUSINESS";
  organisationName: string;
  taxCode: string;
}

export interface SignUpState {
  /** Field → reason code (account.errors.<CODE>). */
  errors?: Record<string, string>;
  formError?: "rateLimited" | "failed";
  /** Echoed back so a failed attempt keeps what was typed (never the password). */
  values?: SignUpValues;
}

function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

function safeCallback(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : null;
}

/** Sign-up: validated by the account module, then signed in. Works as a plain form post. */
export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const get = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 1000) : "";
  };
  const values: SignUpValues = {
    name: get("name"),
    email: get("email"),
    phone: get("phone"),
    idNumber: get("idNumber"),
    dateOfBirth: get("dateOfBirth"),
    address: get("address"),
    applicantType: get("applicantType") === "BUSINESS" ? "BUSINESS" : "CITIZEN",
    organisationName: get("organisationName"),
    taxCode: get("taxCode"),
  };
  const password = get("password");
  if (password !== get("passwordConfirm")) return { values, errors: { passwordConfirm: "PASSWORD_MISMATCH" } };

  let identifier: string;
  try {
    const user = await api.account.register({ ...values, password, locale: get("locale") === "en" ? "en" : "vi" });
    identifier = user.identifier;
  } catch (error) {
    const app = appErrorOf(error);
    const fieldErrors = app?.details?.fieldErrors as Record<string, string> | undefined;
    if (app?.code === "VALIDATION" && fieldErrors) return { values, errors: fieldErrors };
    if (app?.code === "RATE_LIMITED") return { values, formError: "rateLimited" };
    console.error("[sign-up] failed:", error);
    return { values, formError: "failed" };
  }
  const session = await signInAndStartSession(identifier, password);
  redirect(session.ok ? (safeCallback(formData.get("callbackUrl")) ?? "/me") : "/sign-in");
}
