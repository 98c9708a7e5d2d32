// Before signing out: the officer's offline data leaves the device (a counter PC is shared), after
// asking when actions are still waiting to be sent.
import { unsentCountOfCurrentUser, wipeAllOfficerData } from "./wipe";

/**
 * Wipes every officer's data on this device unless the officer, asked because `count` actions are
 * still unsent, says no. Returns whether to go on signing out (a failed wipe does not keep anyone in).
 */
export async function wipeBeforeSignOut(confirmUnsent: (count: number) => boolean): Promise<boolean> {
  try {
    const unsent = await unsentCountOfCurrentUser();
    if (unsent > 0 && !confirmUnsent(unsent)) return false;
    await wipeAllOfficerData();
  } catch (error) {
    console.error("[offline] wiping the device failed", error);
  }
  return true;
}
