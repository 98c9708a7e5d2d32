// Single sign-on through OpenID Connect: which local user a sign-in becomes (what the providers'
// claims mean is sso-claims.ts). One person keeps one User: a first sign-in links to the existing
// account, never duplicates it.
import { Prisma, type Db, type UserKind } from "../../../db";
import type { SsoProvider, SsoIdentity } from "../sso-claims";

interface SsoUser {
  id: string;
  kind: UserKind;
  name: string;
  sessionVersion: number;
}

type SsoSignInResult =
  | { ok: true; user: SsoUser; outcome: "EXISTING" | "LINKED" | "CREATED" }
  | {
      ok: false;
      /**
       * NO_ID_NUMBER   the national provider sent no usable ID number;
       * NO_EMAIL       the organisational provider sent no verified e-mail;
       * NOT_AN_OFFICER no active officer account has that e-mail (officers are never created here);
       * INACTIVE       the matching account is deactivated.
       */
      reason: "NO_ID_NUMBER" | "NO_EMAIL" | "NOT_AN_OFFICER" | "INACTIVE";
    };

const userSelect = { id: true, kind: true, name: true, active: true, sessionVersion: true } as const;
type UserRow = { id: string; kind: UserKind; name: string; active: boolean; sessionVersion: number };

function signedIn(user: UserRow, outcome: "EXISTING" | "LINKED" | "CREATED"): SsoSignInResult {
  if (!user.active) return { ok: false, reason: "INACTIVE" };
  return { ok: true, outcome, user: { id: user.id, kind: user.kind, name: user.name, sessionVersion: user.sessionVersion } };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Finds or makes the local user behind an SSO sign-in:
 *  1. an Account row for (provider, subject) → its user;
 *  2. vneid: the user with the same (provider-verified) ID number → link it (a new Account row);
 *     org-sso: the OFFICER with the same verified e-mail → link it;
 *  3. vneid only: a new citizen from the claims. Officers are never created by sign-in.
 * Two first sign-ins racing for one person meet a unique index (Account, User.idNumber); the
 * loser retries once and finds what the winner made.
 */
export async function signInWithSso(
  db: Db,
  input: { provider: SsoProvider; identity: SsoIdentity },
  options: { now?: Date } = {},
): Promise<SsoSignInResult> {
  const now = options.now ?? new Date();
  try {
    return await resolveSsoUser(db, input, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return resolveSsoUser(db, input, now);
  }
}

async function resolveSsoUser(db: Db, input: { provider: SsoProvider; identity: SsoIdentity }, now: Date): Promise<SsoSignInResult> {
  const { provider, identity } = input;
  const touch = (userId: string) => db.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } });

  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: identity.subject } },
    select: { user: { select: userSelect } },
  });
  if (account) {
    const { user } = account;
    // An organisational sign-in only ever opens an officer account, even one linked earlier.
    if (provider === "org-sso" && user.kind !== "OFFICER") return { ok: false, reason: "NOT_AN_OFFICER" };
    const result = signedIn(user, "EXISTING");
    if (result.ok) await touch(user.id);
    return result;
  }

  if (provider === "org-sso") {
    if (!identity.email || !identity.emailVerified) return { ok: false, reason: "NO_EMAIL" };
    const officer = await db.user.findUnique({ where: { email: identity.email }, select: userSelect });
    if (!officer || officer.kind !== "OFFICER") return { ok: false, reason: "NOT_AN_OFFICER" };
    if (!officer.active) return { ok: false, reason: "INACTIVE" };
    await linkAccount(db, officer.id, provider, identity.subject, now);
    return signedIn(officer, "LINKED");
  }

  if (!identity.idNumber) return { ok: false, reason: "NO_ID_NUMBER" };
  const existing = await db.user.findUnique({ where: { idNumber: identity.idNumber }, select: { ...userSelect, dateOfBirth: true } });
  if (existing) {
    if (!existing.active) return { ok: false, reason: "INACTIVE" };
    await linkAccount(db, existing.id, provider, identity.subject, now, {
      // The national register is the authority on the date of birth; other details stay the user's own.
      ...(existing.dateOfBirth === null && identity.dateOfBirth ? { dateOfBirth: identity.dateOfBirth } : {}),
    });
    return signedIn(existing, "LINKED");
  }

  const created = await createCitizen(db, identity, now);
  return signedIn(created, "CREATED");
}

async function linkAccount(
  db: Db,
  userId: string,
  provider: SsoProvider,
  subject: string,
  now: Date,
  userData: Prisma.UserUpdateInput = {},
): Promise<void> {
  await db.$transaction([
    db.account.create({ data: { userId, type: "oauth", provider, providerAccountId: subject }, select: { id: true } }),
    db.user.update({ where: { id: userId }, data: { ...userData, lastSignInAt: now }, select: { id: true } }),
    db.auditLog.create({
      data: { actorId: userId, entity: "User", entityId: userId, action: "sso.linked", after: { provider } },
      select: { id: true },
    }),
  ]);
}

/** A contact detail another account already uses is left out rather than taken over. */
async function unclaimed(db: Db, field: "email" | "phone", value: string | null): Promise<string | null> {
  if (!value) return null;
  const owner = await db.user.findFirst({ where: { [field]: value }, select: { id: true } });
  return owner ? null : value;
}

async function createCitizen(db: Db, identity: SsoIdentity, now: Date): Promise<UserRow> {
  const idNumber = identity.idNumber!;
  const [email, phone] = await Promise.all([
    unclaimed(db, "email", identity.emailVerified ? identity.email : null),
    unclaimed(db, "phone", identity.phone),
  ]);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        kind: "CITIZEN",
        // Without a name claim, the ID number's last digits keep the account recognisable until the person edits it.
        name: identity.name ?? `Công dân ${idNumber.slice(-4)}`,
        idNumber,
        dateOfBirth: identity.dateOfBirth,
        email,
        emailVerified: email ? now : null,
        phone,
        lastSignInAt: now,
        accounts: { create: { type: "oauth", provider: "vneid", providerAccountId: identity.subject } },
      },
      select: userSelect,
    });
    await tx.auditLog.create({
      data: { actorId: user.id, entity: "User", entityId: user.id, action: "sso.created", after: { provider: "vneid" } },
      select: { id: true },
    });
    return user;
  });
}
