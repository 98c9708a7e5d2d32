// Which instant a command counts as having happened at. An officer working offline syncs later:
// the device's time is trusted within a bounded skew, so deadlines follow the real moment, while a
// badly set device clock can neither backdate a deadline far nor date it in the future.

/** A device clock this far ahead of the server is still believed (and capped at server time). */
export const MAX_DEVICE_AHEAD_MS = 5 * 60_000;
/** Offline actions synced up to this long after the fact keep their device time. */
export const MAX_DEVICE_BEHIND_MS = 72 * 3_600_000;

/**
 * The instant a command takes effect: the device time when given and within the skew allowance
 * (never later than the server's now), else the server time; never earlier than `notBefore`
 * (the dossier's last recorded moment), so durations never run backwards.
 */
export function effectiveActionTime(serverNow: Date, deviceAt?: Date | null, notBefore?: Date | null): Date {
  let at = serverNow.getTime();
  if (deviceAt && !Number.isNaN(deviceAt.getTime())) {
    const d = deviceAt.getTime();
    if (d <= at + MAX_DEVICE_AHEAD_MS && d >= at - MAX_DEVICE_BEHIND_MS) at = Math.min(d, at);
  }
  if (notBefore && notBefore.getTime() > at) at = notBefore.getTime();
  return new Date(at);
}
