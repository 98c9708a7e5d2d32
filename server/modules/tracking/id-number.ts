// The applicant's ID number as proof for the full tracking view: compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

/** Equal without revealing, through timing, how much of the number matched. */
export function idNumbersMatch(stored: string | null, given: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v).digest();
  const normalisedStored = stored ? stored.replace(/[\s.-]/g, "").toUpperCase() : null;
  // A dossier without an ID number still costs the same compare, and never matches.
  const a = digest(normalisedStored ?? `\u0000no-id\u0000${given}`);
  const b = digest(given);
  return timingSafeEqual(a, b) && normalisedStored !== null;
}
