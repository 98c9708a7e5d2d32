import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAgency, createUser } from "../../test/factories";
import { useTestDb } from "../../test/db";
import { countDossiersByStatus } from "../agency/queries";
import { hashPassword } from "./password";
import { loadActor } from "./queries";
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, signInWithPassword } from "./commands/sign-in-with-password";

const db = useTestDb();
const PASSWORD = "Mật-khẩu-đúng-1";

function uniquePhone(): string {
  return `09${String(BigInt("0x" + randomBytes(5).toString("hex")) % 10n ** 8n).padStart(8, "0")}`;
}

async function userWithPassword(overrides: { active?: boolean; phone?: string | null; passwordHash?: string | null } = {}) {
  const user = await createUser(db, { kind: "OFFICER" });
  return db.user.update({
    where: { id: user.id },
    data: {
      passwordHash: overrides.passwordHash === undefined ? await hashPassword(PASSWORD) : overrides.passwordHash,
      phone: overrides.phone === undefined ? uniquePhone() : overrides.phone,
      active: overrides.active ?? true,
    },
  });
}

describe("signInWithPassword", () => {
  it("signs in by e-mail (any case) or by phone in any common notation", async () => {
    const user = await userWithPassword();
    const byEmail = await signInWithPassword(db, { identifier: user.email!.toUpperCase(), password: PASSWORD });
    expect(byEmail).toEqual({ ok: true, user: { id: user.id, kind: "OFFICER", name: user.name } });

    const international = `+84 ${user.phone!.slice(1, 4)} ${user.phone!.slice(4)}`;
    expect((await signInWithPassword(db, { identifier: international, password: PASSWORD })).ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastSignInAt).not.toBeNull();
  });

  it("answers the same for a wrong password, an unknown account, an inactive one and an SSO-only one", async () => {
    const user = await userWithPassword();
    const inactive = await userWithPassword({ active: false });
    const ssoOnly = await userWithPassword({ passwordHash: null });
    const invalid = { ok: false, reason: "INVALID_CREDENTIALS" };
    expect(await signInWithPassword(db, { identifier: user.email!, password: "sai" })).toEqual(invalid);
    expect(await signInWithPassword(db, { identifier: "nobody@example.test", password: PASSWORD })).toEqual(invalid);
    expect(await signInWithPassword(db, { identifier: inactive.email!, password: PASSWORD })).toEqual(invalid);
    expect(await signInWithPassword(db, { identifier: ssoOnly.email!, password: PASSWORD })).toEqual(invalid);
    expect(await signInWithPassword(db, { identifier: "not an identifier", password: PASSWORD })).toEqual(invalid);
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures, even against the right password`, async () => {
    const user = await userWithPassword();
    const now = new Date("2026-03-02T02:00:00Z");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const result = await signInWithPassword(db, { identifier: user.email!, password: `sai-${i}` }, { now });
      expect(result).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    const locking = await signInWithPassword(db, { identifier: user.email!, password: "sai-5" }, { now });
    const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    expect(locking).toEqual({ ok: false, reason: "LOCKED", lockedUntil });

    const during = await signInWithPassword(db, { identifier: user.email!, password: PASSWORD }, { now: new Date(now.getTime() + 60_000) });
    expect(during).toEqual({ ok: false, reason: "LOCKED", lockedUntil });

    // After the lock: the right password works and the counters are cleared.
    const after = await signInWithPassword(db, { identifier: user.email!, password: PASSWORD }, { now: new Date(lockedUntil.getTime() + 1000) });
    expect(after.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedSignIns).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it("a success resets the failure count, so failures must be consecutive to lock", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await signInWithPassword(db, { identifier: user.email!, password: "sai" });
    expect((await signInWithPassword(db, { identifier: user.email!, password: PASSWORD })).ok).toBe(true);
    expect(await signInWithPassword(db, { identifier: user.email!, password: "sai" })).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
  });

  it("upgrades a hash made with weaker parameters on a successful sign-in", async () => {
    const salt = randomBytes(16);
    const weak = `scrypt$1024$8$1$${salt.toString("base64")}$${scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 }).toString("base64")}`;
    const user = await userWithPassword({ passwordHash: weak });
    expect((await signInWithPassword(db, { identifier: user.email!, password: PASSWORD })).ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

describe("loadActor", () => {
  it("re-reads memberships: inactive memberships, inactive agencies and inactive users grant nothing", async () => {
    const agency = await createAgency(db);
    const closed = await createAgency(db, { active: false });
    const user = await createUser(db, {
      memberships: [
        { agencyId: agency.id, role: "SPECIALIST" },
        { agencyId: agency.id, role: "LEADER" },
        { agencyId: closed.id, role: "SPECIALIST" },
      ],
    });
    await db.membership.updateMany({ where: { userId: user.id, role: "LEADER" }, data: { active: false } });

    expect(await loadActor(db, { userId: user.id })).toEqual({
      userId: user.id,
      kind: "OFFICER",
      memberships: [{ agencyId: agency.id, role: "SPECIALIST" }],
    });

    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadActor(db, { userId: user.id })).toBeNull();
    expect(await loadActor(db, { userId: "no-such-user" })).toBeNull();
  });
});

describe("countDossiersByStatus", () => {
  it("returns every status (zeros included) for each requested agency, in order", async () => {
    const a = await createAgency(db);
    const b = await createAgency(db);
    const result = await countDossiersByStatus(db, { agencyIds: [a.id, b.id] });
    expect(result.map((r) => r.agencyId)).toEqual([a.id, b.id]);
    expect(result[0]!.counts).toHaveLength(10);
    expect(result[0]!.total).toBe(0);
    expect(await countDossiersByStatus(db, { agencyIds: [] })).toEqual([]);
  });
});
