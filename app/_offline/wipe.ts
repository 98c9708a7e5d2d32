// Wiping an officer's data from the device: at sign-out everything of every officer goes (the
// device may be a shared counter PC); when someone else signs in, what another officer left behind
// goes too, except actions still waiting to be sent, which are kept (unreadable to the new user,
// who only ever opens their own database) until their author signs in again and sends them.
import { outboxCounts } from "./outbox";
import { deleteUserDb, getCurrentUserId, listUserDbNames, openOfficerDb, setCurrentUserId, userDbName, USER_DB_PREFIX } from "./store";

/** Caches this app may create for an officer's files (none hold user data today; kept for safety). */
const USER_CACHE_PREFIX = "motcua-user-";

async function deleteUserCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  for (const name of await caches.keys()) if (name.startsWith(USER_CACHE_PREFIX)) await caches.delete(name);
}

let wipingHere = false;

/** This page is signing out (its own "wiped" broadcast must not reload it mid-way). */
export function isWipingHere(): boolean {
  return wipingHere;
}

/** Sign-out: every officer database, the device's "current user", and per-user caches. */
export async function wipeAllOfficerData(): Promise<void> {
  wipingHere = true;
  const names = new Set(await listUserDbNames());
  const current = await getCurrentUserId();
  if (current) names.add(userDbName(current));
  for (const name of names) await deleteUserDb(name);
  await setCurrentUserId(null);
  await deleteUserCaches();
  try {
    new BroadcastChannel("motcua-offline").postMessage({ type: "wiped" });
  } catch {
    // No BroadcastChannel: other tabs notice on their next read.
  }
}

/** Unsent actions of the officer whose data this browser holds (asked before signing out). */
export async function unsentCountOfCurrentUser(): Promise<number> {
  const current = await getCurrentUserId();
  if (!current || !(await listUserDbNames()).includes(userDbName(current))) return 0;
  const db = await openOfficerDb(current);
  try {
    const counts = await outboxCounts(db);
    return counts.total;
  } finally {
    db.close();
  }
}

/** Someone signed in: other officers' cached dossiers, worklists and files are deleted. */
export async function wipeOtherUsers(userId: string): Promise<void> {
  for (const name of await listUserDbNames()) {
    if (name === userDbName(userId)) continue;
    const other = name.slice(USER_DB_PREFIX.length);
    const db = await openOfficerDb(other);
    let keep: boolean;
    try {
      keep = (await outboxCounts(db)).total > 0;
      if (keep) {
        for (const store of ["dossiers", "worklists", "attachments", "kv"] as const) await db.clear(store);
      }
    } finally {
      db.close();
    }
    if (!keep) await deleteUserDb(name);
  }
  await setCurrentUserId(userId);
}
