"use server";

import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";
import { AppError } from "~/server/errors";

function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

/** Withdrawal at the applicant's request (a plain form post). */
export async function withdrawAction(formData: FormData): Promise<void> {
  const get = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const code = get("code").slice(0, 60);
  const page = `/me/dossiers/${encodeURIComponent(code)}`;
  const expectedVersion = Number(get("expectedVersion"));
  let error: string | null = null;
  try {
    await api.account.withdraw({
      code,
      idempotencyKey: get("idempotencyKey").slice(0, 200),
      reason: get("reason").slice(0, 4000),
      ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    });
  } catch (e) {
    const app = appErrorOf(e);
    if (!app) throw e;
    const fieldErrors = app.details?.fieldErrors as Record<string, string> | undefined;
    error = fieldErrors?.reason ? `reason:${fieldErrors.reason}` : app.code;
  }
  redirect(error ? `${page}?werror=${encodeURIComponent(error)}#withdraw` : `${page}?withdrawn=1`);
}
