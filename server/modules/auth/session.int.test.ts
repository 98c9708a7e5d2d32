import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "../../test/factories";
import { useTestDb } from "../../test/db";
import { hashPassword } from "./password";
import { currentSessionVersion, validateSession } from "./queries";
import { revokeSessions } from "./commands/revoke-sessions";
import { signInAttemptsPerClient, signInWithPassword } from "./commands/sign-in-with-password";

const db = useTestDb();
const HOUR = 3_600_000;
const limits = { maxAgeMs: 12 * HOUR };

describe("session validation and revocation", () => {
  it("accepts a current token and refuses it once the user signs out anywhere", async () => {
    const user = await createUser(db);
    const claims = { userId: user.id, sessionVersion: 0, authTime: Date.now() };
    expect(await validateSession(db, claims, limits)).toEqual({ id: user.id, kind: "CITIZEN" });
    // Tokens issued before versions existed count as version 0.
    expect(await validateSession(db, { userId: user.id }, limits)).toEqual({ id: user.id, kind: "CITIZEN" });

    await revokeSessions(db, { userId: user.id, fromVersion: 0 });
    expect(await currentSessionVersion(db, { userId: user.id })).toBe(1);
    expect(await validateSession(db, claims, limits)).toBeNull();
    expect(await validateSession(db, { ...claims, sessionVersion: 1 }, limits)).toEqual({ id: user.id, kind: "CITIZEN" });
  });

  it("a stale token signing out does not end a newer session", async () => {
    const user = await createUser(db);
    await revokeSessions(db, { userId: user.id, fromVersion: 0 }); // version 1: the newer session's
    await revokeSessions(db, { userId: user.id, fromVersion: 0 }); // a leftover version-0 cookie signs out
    expect(await currentSessionVersion(db, { userId: user.id })).toBe(1);
  });

  it("refuses a deactivated user, an unknown user and a session past the absolute limit", async () => {
    const user = await createUser(db);
    const now = new Date();
    expect(await validateSession(db, { userId: user.id, authTime: now.getTime() - 13 * HOUR }, { ...limits, now })).toBeNull();
    expect(await validateSession(db, { userId: user.id, authTime: now.getTime() - 11 * HOUR }, { ...limits, now })).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await validateSession(db, { userId: user.id }, limits)).toBeNull();
    expect(await validateSession(db, { userId: "no-such-user" }, limits)).toBeNull();
  });
});

describe("sign-in rate limit per client address", () => {
  const PASSWORD = "Mật-khẩu-đúng-1";
  const uniqueIp = () => `10.${randomBytes(3).join(".")}`;

  async function userWithPassword() {
    const user = await createUser(db, { kind: "OFFICER" });
    return db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  }

  it("refuses further attempts from an address after the limit of failures, across accounts, without checking the password", async () => {
    const { limit } = signInAttemptsPerClient();
    const ip = uniqueIp();
    const now = new Date("2026-03-02T02:01:00Z");
    // Failures spread over many accounts (unknown ones too), so no single account locks.
    for (let i = 0; i < limit; i++) {
      const result = await signInWithPassword(db, { identifier: `nobody-${i}@example.test`, password: "sai", clientKey: ip }, { now });
      expect(result).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    const user = await userWithPassword();
    const refused = await signInWithPassword(db, { identifier: user.email!, password: PASSWORD, clientKey: ip }, { now });
    expect(refused).toEqual({ ok: false, reason: "RATE_LIMITED", retryAfterSeconds: 14 * 60 });
    // Refused before the password check: the account saw no attempt at all.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();

    // Another address is unaffected, and the next window starts afresh.
    expect((await signInWithPassword(db, { identifier: user.email!, password: PASSWORD, clientKey: uniqueIp() }, { now })).ok).toBe(true);
    const later = new Date(now.getTime() + 15 * 60_000);
    expect((await signInWithPassword(db, { identifier: user.email!, password: PASSWORD, clientKey: ip }, { now: later })).ok).toBe(true);
  });

  it("successful sign-ins do not count, so a busy office behind one address is never refused", async () => {
    const { limit } = signInAttemptsPerClient();
    const ip = uniqueIp();
    const user = await userWithPassword();
    for (let i = 0; i < limit + 3; i++) {
      expect((await signInWithPassword(db, { identifier: user.email!, password: PASSWORD, clientKey: ip })).ok).toBe(true);
    }
  });
});
