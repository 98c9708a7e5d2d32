import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import vi from "../../../messages/vi.json";
import { DossierStatus } from "../../db/generated/enums";
import {
  CLOCK_PAUSED_STATUSES,
  CLOCK_RUNNING_STATUSES,
  DOSSIER_STATUSES,
  TERMINAL_STATUSES,
  clockState,
  isTerminal,
  statusFromNumber,
  statusMessageKey,
  statusNumber,
} from "./status";

describe("status numbers (DOMAIN.md, national list)", () => {
  it.each([
    ["NEW", 1],
    ["RECEIVED", 2],
    ["REFUSED", 3],
    ["PROCESSING", 4],
    ["SUPPLEMENT_REQUESTED", 5],
    ["AWAITING_FEE", 6],
    ["WITHDRAWN", 7],
    ["STOPPED", 8],
    ["PROCESSED", 9],
    ["RETURNED", 10],
  ] as const)("%s ⇄ %i", (status, n) => {
    expect(statusNumber(status)).toBe(n);
    expect(statusFromNumber(n)).toBe(status);
  });

  it("covers exactly the Prisma enum, and nothing else maps", () => {
    expect(new Set(DOSSIER_STATUSES)).toEqual(new Set(Object.values(DossierStatus)));
    for (const n of [0, 11, -1, 4.5, Number.NaN]) expect(statusFromNumber(n)).toBeUndefined();
  });

  it("has a label in both languages for every status", () => {
    for (const s of DOSSIER_STATUSES) {
      const [group, key] = statusMessageKey(s).split(".") as [string, string];
      expect((vi as unknown as Record<string, Record<string, string>>)[group]?.[key], `vi ${s}`).toBeTruthy();
      expect((en as unknown as Record<string, Record<string, string>>)[group]?.[key], `en ${s}`).toBeTruthy();
    }
  });
});

describe("terminal and clock statuses", () => {
  it("terminal: refused, withdrawn, stopped, returned (processed still has a result to return)", () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(["REFUSED", "RETURNED", "STOPPED", "WITHDRAWN"]);
    expect(isTerminal("PROCESSED")).toBe(false);
    expect(isTerminal("RETURNED")).toBe(true);
  });

  it("running and paused sets are disjoint and not terminal", () => {
    for (const s of [...CLOCK_RUNNING_STATUSES, ...CLOCK_PAUSED_STATUSES]) expect(isTerminal(s)).toBe(false);
    expect(CLOCK_RUNNING_STATUSES.filter((s) => CLOCK_PAUSED_STATUSES.includes(s))).toEqual([]);
  });

  it.each([
    ["NEW", "RECEPTION", "NOT_STARTED"],
    ["SUPPLEMENT_REQUESTED", "RECEPTION", "NOT_STARTED"],
    ["SUPPLEMENT_REQUESTED", "APPRAISAL", "PAUSED"],
    ["AWAITING_FEE", "APPRAISAL", "PAUSED"],
    ["RECEIVED", "APPRAISAL", "RUNNING"],
    ["PROCESSING", "APPROVAL", "RUNNING"],
    ["PROCESSING", "ISSUANCE", "RUNNING"],
    ["PROCESSED", "RETURN", "STOPPED"],
    ["RETURNED", null, "STOPPED"],
    ["STOPPED", null, "STOPPED"],
    ["WITHDRAWN", null, "STOPPED"],
    ["REFUSED", null, "NOT_STARTED"],
  ] as const)("%s at %s: clock %s", (status, kind, state) => {
    expect(clockState(status, kind)).toBe(state);
  });
});
