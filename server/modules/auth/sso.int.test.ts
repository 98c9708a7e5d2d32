import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAgency, createUser, uniqueToken } from "../../test/factories";
import { useTestDb } from "../../test/db";
import { readSsoIdentity, type SsoIdentity } from "./sso-claims";
import { signInWithSso } from "./commands/sign-in-with-sso";

const db = useTestDb();

function uniqueIdNumber(): string {
  return (BigInt("0x" + randomBytes(6).toString("hex")) % 10n ** 12n).toString().padStart(12, "0");
}

function identity(overrides: Partial<SsoIdentity> = {}): SsoIdentity {
  const token = uniqueToken().toLowerCase();
  return {
    subject: `sub-${token}`,
    idNumber: uniqueIdNumber(),
    name: `Phạm Thị Thu ${token}`,
    dateOfBirth: new Date("1992-08-21T00:00:00Z"),
    phone: null,
    email: `sso-${token}@example.test`,
    emailVerified: true,
    ...overrides,
  };
}

async function accountsOf(userId: string) {
  return db.account.findMany({ where: { userId }, select: { provider: true, providerAccountId: true, type: true } });
}

describe("signInWithSso (vneid)", () => {
  it("links the first sign-in to the local account with the same ID number, then finds it by subject", async () => {
    const local = await createUser(db, { kind: "CITIZEN" });
    const who = identity({ idNumber: local.idNumber, name: "Tên khác trên VNeID" });

    const first = await signInWithSso(db, { provider: "vneid", identity: who });
    expect(first).toEqual({ ok: true, outcome: "LINKED", user: { id: local.id, kind: "CITIZEN", name: local.name, sessionVersion: 0 } });
    expect(await accountsOf(local.id)).toEqual([{ provider: "vneid", providerAccountId: who.subject, type: "oauth" }]);

    const row = await db.user.findUniqueOrThrow({ where: { id: local.id } });
    // The person's own name stays; the register fills a missing birth date.
    expect(row.name).toBe(local.name);
    expect(row.dateOfBirth).toEqual(who.dateOfBirth);
    expect(row.lastSignInAt).not.toBeNull();
    expect(await db.user.count({ where: { idNumber: local.idNumber } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: local.id, action: "sso.linked" } })).toBe(1);

    const again = await signInWithSso(db, { provider: "vneid", identity: who });
    expect(again).toMatchObject({ ok: true, outcome: "EXISTING", user: { id: local.id } });
    expect(await accountsOf(local.id)).toHaveLength(1);
  });

  it("finds a linked person by subject even when the ID number claim is missing later", async () => {
    const who = identity();
    const first = await signInWithSso(db, { provider: "vneid", identity: who });
    const later = await signInWithSso(db, { provider: "vneid", identity: { ...who, idNumber: null } });
    expect(later).toMatchObject({ ok: true, outcome: "EXISTING" });
    expect(first.ok && later.ok && later.user.id).toBe(first.ok && first.user.id);
  });

  it("creates a citizen from the claims when nobody has the ID number", async () => {
    const who = identity({ phone: `09${String(Date.now() % 10 ** 8).padStart(8, "0")}` });
    const result = await signInWithSso(db, { provider: "vneid", identity: who });
    expect(result).toMatchObject({ ok: true, outcome: "CREATED", user: { kind: "CITIZEN", name: who.name } });
    const user = await db.user.findUniqueOrThrow({ where: { idNumber: who.idNumber! }, include: { accounts: true } });
    expect(user).toMatchObject({
      kind: "CITIZEN",
      name: who.name,
      email: who.email,
      phone: who.phone,
      dateOfBirth: who.dateOfBirth,
      passwordHash: null,
      active: true,
    });
    expect(user.emailVerified).not.toBeNull();
    expect(user.accounts.map((a) => [a.provider, a.providerAccountId])).toEqual([["vneid", who.subject]]);
  });

  it("leaves out an e-mail another account already uses, and an unverified one", async () => {
    const other = await createUser(db);
    const taken = await signInWithSso(db, { provider: "vneid", identity: identity({ email: other.email }) });
    expect(taken.ok).toBe(true);
    const unverified = identity({ emailVerified: false });
    await signInWithSso(db, { provider: "vneid", identity: unverified });
    const rows = await db.user.findMany({
      where: { id: { in: [taken.ok ? taken.user.id : ""] } },
      select: { email: true },
    });
    expect(rows).toEqual([{ email: null }]);
    expect(await db.user.findUniqueOrThrow({ where: { idNumber: unverified.idNumber! }, select: { email: true } })).toEqual({ email: null });
    // The other account keeps its e-mail and gains no link.
    expect(await accountsOf(other.id)).toEqual([]);
  });

  it("never creates a duplicate when two first sign-ins race", async () => {
    const who = identity();
    const results = await Promise.all([1, 2, 3].map(() => signInWithSso(db, { provider: "vneid", identity: who })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.user.id : "")));
    expect(ids.size).toBe(1);
    expect(await db.user.count({ where: { idNumber: who.idNumber } })).toBe(1);
    expect(await db.account.count({ where: { provider: "vneid", providerAccountId: who.subject } })).toBe(1);
  });

  it("refuses without an ID number, and for a deactivated account (linked or not) without creating another", async () => {
    expect(await signInWithSso(db, { provider: "vneid", identity: identity({ idNumber: null }) })).toEqual({ ok: false, reason: "NO_ID_NUMBER" });

    const inactive = await createUser(db);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const who = identity({ idNumber: inactive.idNumber });
    expect(await signInWithSso(db, { provider: "vneid", identity: who })).toEqual({ ok: false, reason: "INACTIVE" });
    expect(await db.user.count({ where: { idNumber: inactive.idNumber } })).toBe(1);
    expect(await accountsOf(inactive.id)).toEqual([]);

    const linked = identity();
    const created = await signInWithSso(db, { provider: "vneid", identity: linked });
    await db.user.update({ where: { id: created.ok ? created.user.id : "" }, data: { active: false } });
    expect(await signInWithSso(db, { provider: "vneid", identity: linked })).toEqual({ ok: false, reason: "INACTIVE" });
  });

  it("links an officer who is also a citizen to the same single account", async () => {
    const agency = await createAgency(db);
    const officer = await createUser(db, { memberships: [{ agencyId: agency.id, role: "SPECIALIST" }] });
    const result = await signInWithSso(db, { provider: "vneid", identity: identity({ idNumber: officer.idNumber }) });
    expect(result).toMatchObject({ ok: true, outcome: "LINKED", user: { id: officer.id, kind: "OFFICER" } });
  });

  it("works from raw ID-token claims end to end", async () => {
    const local = await createUser(db);
    const claims = { sub: `raw-${uniqueToken()}`, cccd: local.idNumber!.replace(/(\d{4})/g, "$1 ").trim(), name: "X" };
    const result = await signInWithSso(db, { provider: "vneid", identity: readSsoIdentity(claims) });
    expect(result).toMatchObject({ ok: true, outcome: "LINKED", user: { id: local.id } });
  });
});

describe("signInWithSso (org-sso)", () => {
  it("links an officer by verified e-mail, and afterwards by subject", async () => {
    const agency = await createAgency(db);
    const officer = await createUser(db, { memberships: [{ agencyId: agency.id, role: "RECEPTION_OFFICER" }] });
    const who = identity({ email: officer.email, idNumber: null });

    const first = await signInWithSso(db, { provider: "org-sso", identity: who });
    expect(first).toEqual({ ok: true, outcome: "LINKED", user: { id: officer.id, kind: "OFFICER", name: officer.name, sessionVersion: 0 } });
    expect(await accountsOf(officer.id)).toEqual([{ provider: "org-sso", providerAccountId: who.subject, type: "oauth" }]);

    // The directory may rename the mailbox later: the link holds.
    const renamed = await signInWithSso(db, { provider: "org-sso", identity: { ...who, email: "renamed@example.test" } });
    expect(renamed).toMatchObject({ ok: true, outcome: "EXISTING", user: { id: officer.id } });
  });

  it("never creates officers, and never opens a citizen account", async () => {
    const before = await db.user.count();
    expect(await signInWithSso(db, { provider: "org-sso", identity: identity() })).toEqual({ ok: false, reason: "NOT_AN_OFFICER" });
    const citizen = await createUser(db, { kind: "CITIZEN" });
    expect(await signInWithSso(db, { provider: "org-sso", identity: identity({ email: citizen.email }) })).toEqual({
      ok: false,
      reason: "NOT_AN_OFFICER",
    });
    expect(await db.user.count()).toBe(before + 1);
    expect(await accountsOf(citizen.id)).toEqual([]);
  });

  it("requires a verified e-mail and an active officer", async () => {
    const agency = await createAgency(db);
    const officer = await createUser(db, { memberships: [{ agencyId: agency.id, role: "LEADER" }] });
    expect(await signInWithSso(db, { provider: "org-sso", identity: identity({ email: officer.email, emailVerified: false }) })).toEqual({
      ok: false,
      reason: "NO_EMAIL",
    });
    expect(await signInWithSso(db, { provider: "org-sso", identity: identity({ email: null }) })).toEqual({ ok: false, reason: "NO_EMAIL" });
    await db.user.update({ where: { id: officer.id }, data: { active: false } });
    expect(await signInWithSso(db, { provider: "org-sso", identity: identity({ email: officer.email }) })).toEqual({ ok: false, reason: "INACTIVE" });
    expect(await accountsOf(officer.id)).toEqual([]);
  });

  it("a citizen's vneid link does not open the workspace through org-sso with the same subject", async () => {
    const who = identity();
    await signInWithSso(db, { provider: "vneid", identity: who });
    // Same subject string at another provider is another account entirely.
    expect(await signInWithSso(db, { provider: "org-sso", identity: who })).toEqual({ ok: false, reason: "NOT_AN_OFFICER" });
  });
});
