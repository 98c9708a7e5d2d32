"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";

/** Asks for a reset link; the page then says the same thing whether or not the address has an account. */
export async function requestPasswordResetAction(formData: FormData): Promise<void> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const locale = formData.get("locale") === "en" ? "en" : "vi";
  let outcome = "sent";
  try {
    await api.passwordReset.request({ email, locale });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    outcome = error.code === "TOO_MANY_REQUESTS" ? "rateLimited" : error.code === "BAD_REQUEST" ? "invalid" : "failed";
    if (outcome === "failed") console.error("[forgot-password] failed:", error);
  }
  redirect(`/forgot-password?${outcome === "sent" ? "sent=1" : `error=${outcome}`}`);
}
