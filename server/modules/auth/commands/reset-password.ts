// resetPassword: a new password through a forgotten-password link. The token is looked up by its
// hash and claimed with one conditional update (unused and unexpired), so it works exactly once
// even when the form is posted twice; the new password follows the account rules; every session of
// the account ends (sessionVersion) and a lock from failed sign-ins is lifted.
import { z } from "zod";
import type { Db } from "../../../db";
import { AppError, validationError } from "../../../errors";
import { parseInput } from "../../../validation";
import { PASSWORD_MIN_LENGTH, passwordProblems } from "../../account/password-policy";
import { hashPassword } from "../password";
import { hashResetToken } from "./request-password-reset";

export const ZPasswordResetSchema = z.object({ token: z.string().min(20).max(200), password: z.string().min(1).max(1000) });

/** Whether a link is still usable (the page says so before asking for a password), and the password rule to show. */
export async function checkPasswordResetToken(db: Db, input: { token: string }, options: { now?: Date } = {}): Promise<{ valid: boolean; minPasswordLength: number }> {
  const minPasswordLength = PASSWORD_MIN_LENGTH;
  if (input.token.length < 20 || input.token.length > 200) return { valid: false, minPasswordLength };
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(input.token) }, select: { usedAt: true, expiresAt: true } });
  return { valid: !!row && !row.usedAt && row.expiresAt > (options.now ?? new Date()), minPasswordLength };
}

export async function resetPassword(db: Db, rawInput: { token: string; password: string }, options: { now?: Date } = {}): Promise<{ userId: string }> {
  const input = parseInput(ZPasswordResetSchema, rawInput);
  const now = options.now ?? new Date();
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(input.token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, active: true, email: true, phone: true } } },
  });
  const invalid = () => new AppError("VALIDATION", { message: "password reset link unknown, used or expired", fieldErrors: { token: "RESET_LINK_INVALID" } });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) throw invalid();
  const problems = passwordProblems(input.password, [row.user.email, row.user.phone]);
  if (problems.length > 0) throw validationError({ password: problems[0]! });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw invalid();
    await tx.user.update({
      where: { id: row.user.id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
  });
  return { userId: row.user.id };
}
