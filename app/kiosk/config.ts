/** Set on a kiosk's browser by the kiosk pages: every page then resets after inactivity. */
export const KIOSK_COOKIE = "kiosk";

// Kiosk settings from the environment: KIOSK_IDLE_SECONDS (default 90) before the screen resets,
// KIOSK_WARN_SECONDS (default 15) of countdown warning before that.
function seconds(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

export function kioskIdleSeconds(): number {
  return seconds("KIOSK_IDLE_SECONDS", 90, 10);
}

export function kioskWarnSeconds(): number {
  return Math.min(seconds("KIOSK_WARN_SECONDS", 15, 3), kioskIdleSeconds() - 1);
}
