"use server";

// Ending a kiosk session: the citizen's sign-in and any tracking grant go, so the next person at the
// screen finds nothing of theirs. Server Actions (not a route handler) so the session proxy leaves
// the cleared cookie alone.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSession, sessionCookie } from "~/server/auth";
import { TRACK_GRANT_COOKIE } from "~/server/modules/tracking/grant";

export async function endKioskSession(): Promise<void> {
  await endSession();
  const store = await cookies();
  store.set(TRACK_GRANT_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: sessionCookie.options.secure, maxAge: 0 });
}

/** The "end session" button: a plain form post, then the kiosk's home screen. */
export async function endKioskSessionAction(): Promise<void> {
  await endKioskSession();
  redirect("/kiosk");
}
