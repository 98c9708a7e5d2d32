"use server";

import { cookies } from "next/headers";
import { AGENCY_COOKIE } from "./_lib/officer";

/**
 * The agency switcher. Only remembers the choice: every page re-checks it against the officer's
 * current memberships (a revoked membership simply falls back to "every agency").
 */
export async function selectAgencyAction(formData: FormData): Promise<void> {
  const value = String(formData.get("agencyId") ?? "").slice(0, 64);
  const store = await cookies();
  if (value) {
    store.set(AGENCY_COOKIE, value, { path: "/officer", httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 180 });
  } else {
    store.delete({ name: AGENCY_COOKIE, path: "/officer" });
  }
}
