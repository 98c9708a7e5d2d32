// requestPasswordReset: "forgot password" for local accounts (e-mail + password). The answer is
// the same whether or not the address has such an account: the caller always says "if an account
// exists, a link is on its way". A token of 32 random bytes is made; only its SHA-256 is stored
// (PasswordResetToken), it works once and expires (PASSWORD_RESET_TTL_MINUTES, default 30). The
// e-mail is a notification delivery written in the token's transaction, so it is sent (and
// retried) by the send job; the link itself is sealed in the row (notification/sealed-link.ts).
// Rate-limited per client address and per address asked about.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../../db";
import { parseInput } from "../../../validation";
import { composeMessage, translatorFor } from "../../notification/compose";
import { writeDeliveries } from "../../notification/commands/write-deliveries";
import { channelAvailability } from "../../notification/commands/notify-dossier-event";
import { appBaseUrl, links } from "../../notification/links";
import { loadWordingOverrides } from "../../notification/queries";
import { sealSecretLink } from "../../notification/sealed-link";
import { enforceRateLimit } from "../../tracking/commands/hit-rate-limit";
import type { RateLimitRule } from "../../tracking/rate-limit";
import { normaliseEmail } from "../identifier";

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function passwordResetTtlMinutes(): number {
  return envInt("PASSWORD_RESET_TTL_MINUTES", 30);
}

/** Requests per client address per hour (PASSWORD_RESETS_PER_HOUR, default 10). */
export function passwordResetsPerClient(): RateLimitRule {
  return { name: "password-reset-client", limit: envInt("PASSWORD_RESETS_PER_HOUR", 10), windowMs: 3_600_000 };
}

/** Requests per e-mail address per hour (PASSWORD_RESETS_PER_ADDRESS_PER_HOUR, default 3): nobody's mailbox gets flooded. */
export function passwordResetsPerAddress(): RateLimitRule {
  return { name: "password-reset-address", limit: envInt("PASSWORD_RESETS_PER_ADDRESS_PER_HOUR", 3), windowMs: 3_600_000 };
}

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const ZPasswordResetRequestSchema = z.object({ email: z.string().trim().min(3).max(254).email(), locale: z.enum(["vi", "en"]).optional() });

export async function requestPasswordReset(
  db: Db,
  rawInput: { email: string; locale?: "vi" | "en"; clientKey: string },
  options: { now?: Date } = {},
): Promise<{ accepted: true }> {
  const input = parseInput(ZPasswordResetRequestSchema, { email: rawInput.email, locale: rawInput.locale });
  const email = normaliseEmail(input.email);
  const now = options.now ?? new Date();
  await enforceRateLimit(db, { rule: passwordResetsPerClient(), subject: rawInput.clientKey }, { now });
  await enforceRateLimit(db, { rule: passwordResetsPerAddress(), subject: email }, { now });

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, active: true, passwordHash: true, locale: true } });
  // SSO-only and deactivated accounts have no password to reset: the same answer, nothing sent.
  if (!user?.active || !user.passwordHash || !user.email || !channelAvailability().email) return { accepted: true };

  const token = randomBytes(32).toString("base64url");
  const ttl = passwordResetTtlMinutes();
  const locale = user.locale === "en" ? "en" : "vi";
  const overrides = await loadWordingOverrides(db, ["account.passwordReset"]);
  // The text keeps {{link}} where the link goes; the send job puts the unsealed link there.
  const message = composeMessage(
    { template: "account.passwordReset", channel: "EMAIL", locale, vars: { name: user.name, resetUrl: "{{link}}", expiresMinutes: String(ttl) } },
    overrides,
    { plainText: true, maxSegments: 1 },
  );
  const resetLabel = (await translatorFor(locale))("notifications.email.resetPassword");
  await db.$transaction(async (tx) => {
    // A new link replaces any earlier one still open.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const row = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + ttl * 60_000) },
      select: { id: true },
    });
    await writeDeliveries(
      tx,
      [
        {
          sourceKey: `password-reset:${row.id}`,
          recipientKey: `user:${user.id}`,
          channel: "EMAIL",
          template: "account.passwordReset",
          locale,
          userId: user.id,
          address: user.email,
          subject: message?.subject ?? "",
          body: message?.body ?? "{{link}}",
          link: null,
          data: { sealedLink: sealSecretLink(links.resetPassword(appBaseUrl(), token)), linkLabel: resetLabel },
        },
      ],
      { now },
    );
  });
  return { accepted: true };
}
