"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { AppError } from "~/server/errors";

function appErrorOf(error: unknown): AppError | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return error instanceof AppError ? error : cause instanceof AppError ? cause : null;
}

/** Sets the new password; back to the form with a problem code, or on to sign-in. */
export async function resetPasswordAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const password = String(formData.get("password") ?? "").slice(0, 1000);
  const back = (problem: string) => redirect(`/reset-password?token=${encodeURIComponent(token)}&error=${problem}`);
  if (password !== String(formData.get("passwordConfirm") ?? "")) back("PASSWORD_MISMATCH");
  try {
    await api.passwordReset.reset({ token, password });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const fields = appErrorOf(error)?.fieldErrors ?? {};
    if (fields.token) redirect("/reset-password?error=RESET_LINK_INVALID");
    back(fields.password ?? "FAILED");
  }
  redirect("/sign-in?reset=done");
}
