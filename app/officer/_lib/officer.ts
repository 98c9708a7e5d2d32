import "server-only";
import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { api } from "~/server/api/caller";
import type { RouterOutputs } from "~/server/api/root";
import type { Locale } from "~/server/i18n";

export type Me = RouterOutputs["me"]["get"];
export type OfficerRole = Me["memberships"][number]["role"];

/** Cookie that remembers the agency chosen in the switcher ("" or absent: every agency). */
export const AGENCY_COOKIE = "officer_agency";

export interface OfficerAgency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  roles: OfficerRole[];
}

export interface OfficerContext {
  me: Me;
  isOfficer: boolean;
  agencies: OfficerAgency[];
  /** The agency chosen in the switcher, when it is still one of the officer's. */
  selectedAgencyId: string | null;
  roles: Set<OfficerRole>;
}

/** The signed-in user, read once per request; a session that outlived its account signs in again. */
export const getMe = cache(async (): Promise<Me> => {
  try {
    return await api.me.get();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in?callbackUrl=/officer");
    throw error;
  }
});

export const getOfficerContext = cache(async (): Promise<OfficerContext> => {
  const me = await getMe();
  const byId = new Map<string, OfficerAgency>();
  for (const m of me.memberships) {
    const agency = byId.get(m.agencyId) ?? { id: m.agencyId, code: m.agencyCode, nameVi: m.agencyNameVi, nameEn: m.agencyNameEn, roles: [] };
    if (!agency.roles.includes(m.role)) agency.roles.push(m.role);
    byId.set(m.agencyId, agency);
  }
  const agencies = [...byId.values()];
  const stored = (await cookies()).get(AGENCY_COOKIE)?.value ?? "";
  const selectedAgencyId = byId.has(stored) ? stored : null;
  return {
    me,
    isOfficer: me.kind === "OFFICER" && agencies.length > 0,
    agencies,
    selectedAgencyId,
    roles: new Set(me.memberships.map((m) => m.role)),
  };
});

export function agencyName(agency: { nameVi: string; nameEn: string }, locale: Locale): string {
  return locale === "en" ? agency.nameEn : agency.nameVi;
}

/** Roles that may assign dossiers (the workflow's ASSIGN rule): they get bulk assignment on worklists. */
export const ASSIGNING_ROLES: readonly OfficerRole[] = ["LEADER", "RECEPTION_OFFICER"];
