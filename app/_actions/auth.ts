"use server";

import { redirect } from "next/navigation";
import { endSession, signInAndStartSession } from "~/server/auth";

export interface SignInState {
  error?: "invalid" | "locked" | "missing" | "rateLimited";
  /** Minutes until a locked account opens again, or until this address may try again. */
  lockedMinutes?: number;
  /** Echoed back so the field keeps its value after a failed attempt (never the password). */
  identifier?: string;
}

/** Only a path on this site: a crafted callbackUrl must not send a signed-in user elsewhere. */
function safeCallbackPath(value: FormDataEntryValue | null): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!identifier || !password) return { error: "missing", identifier };

  const result = await signInAndStartSession(identifier, password);
  if (!result.ok) {
    if (result.reason === "LOCKED") {
      const minutes = Math.max(1, Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000));
      return { error: "locked", lockedMinutes: minutes, identifier };
    }
    if (result.reason === "RATE_LIMITED") {
      return { error: "rateLimited", lockedMinutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)), identifier };
    }
    return { error: "invalid", identifier };
  }
  // Citizens land on their own dossiers (/me).
  redirect(safeCallbackPath(formData.get("callbackUrl")) ?? (result.user.kind === "OFFICER" ? "/officer" : "/me"));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}
