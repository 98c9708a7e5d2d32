// Writes the demo accounts of accounts.ts: each missing user is created with its membership in one
// statement; existing users are left as they are (their passwords may have been changed).

import type { Db } from "../../server/db";
import { hashPassword } from "../../server/modules/auth/password";
import { allAgencies } from "./agencies";
import { CITIZEN_PASSWORD, citizenAddress, citizens, OFFICER_PASSWORD, officers, supportingOfficers } from "./accounts";
import { demoUserIds, userSeedId } from "./ids";

export async function seedUsers(db: Db): Promise<number> {
  const existing = new Set((await db.user.findMany({ where: { id: { in: demoUserIds } }, select: { id: true } })).map((u) => u.id));
  const missingOfficers = officers.filter((o) => !existing.has(userSeedId(o.email)));
  const missingSupporting = supportingOfficers.filter((o) => !existing.has(userSeedId(o.email)));
  const missingCitizens = citizens.filter((c) => !existing.has(userSeedId(c.email)));
  if (missingOfficers.length + missingSupporting.length + missingCitizens.length === 0) return 0;

  // scrypt is slow on purpose: hash each shared password once, only when an account needs it.
  const [officerHash, citizenHash] = await Promise.all([
    missingOfficers.length > 0 ? hashPassword(OFFICER_PASSWORD) : Promise.resolve(""),
    missingCitizens.length > 0 ? hashPassword(CITIZEN_PASSWORD) : Promise.resolve(""),
  ]);
  const agencyIdByCode = new Map(allAgencies.map((a) => [a.code, a.id]));

  for (const o of [...missingOfficers, ...missingSupporting]) {
    const agencyId = agencyIdByCode.get(o.agencyCode);
    if (!agencyId) throw new Error(`No agency ${o.agencyCode} for ${o.email}`);
    await db.user.create({
      data: {
        id: userSeedId(o.email),
        kind: "OFFICER",
        name: o.name,
        email: o.email,
        emailVerified: new Date(),
        // Supporting officers cannot sign in until an administrator gives them a password.
        passwordHash: missingOfficers.includes(o) ? officerHash : null,
        memberships: { create: { agencyId, role: o.role } },
      },
      select: { id: true },
    });
  }
  for (const c of missingCitizens) {
    await db.user.create({
      data: {
        id: userSeedId(c.email),
        kind: "CITIZEN",
        name: c.name,
        email: c.email,
        emailVerified: new Date(),
        phone: c.phone,
        passwordHash: citizenHash,
        idNumber: c.idNumber,
        dateOfBirth: new Date(`${c.dateOfBirth}T00:00:00Z`),
        address: citizenAddress(c),
        applicantType: c.applicantType,
        organisationName: c.organisationName ?? null,
        taxCode: c.taxCode ?? null,
      },
      select: { id: true },
    });
  }
  return missingOfficers.length + missingSupporting.length + missingCitizens.length;
}
