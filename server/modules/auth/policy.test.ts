import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { agencyIdsOf, hasRole, isOfficer, requireRoleAt, type Actor } from "./policy";

const officer: Actor = {
  userId: "u1",
  kind: "OFFICER",
  memberships: [
    { agencyId: "hanoi", role: "SPECIALIST" },
    { agencyId: "hanoi", role: "RECEPTION_OFFICER" },
    { agencyId: "hue", role: "LEADER" },
  ],
};

describe("policy", () => {
  it("checks a role at a given agency, not at any agency", () => {
    expect(hasRole(officer, ["LEADER"], "hue")).toBe(true);
    expect(hasRole(officer, ["LEADER"], "hanoi")).toBe(false);
    expect(hasRole(officer, ["LEADER"])).toBe(true);
    expect(hasRole(officer)).toBe(true);
  });

  it("requireRoleAt throws FORBIDDEN as an AppError", () => {
    expect(() => requireRoleAt(officer, "hue", ["LEADER"])).not.toThrow();
    try {
      requireRoleAt(officer, "hanoi", ["LEADER"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("FORBIDDEN");
    }
  });

  it("an officer needs an active membership; a citizen is never an officer", () => {
    expect(isOfficer(officer)).toBe(true);
    expect(isOfficer({ ...officer, memberships: [] })).toBe(false);
    expect(isOfficer({ ...officer, kind: "CITIZEN" })).toBe(false);
  });

  it("lists agencies without duplicates, filtered by role", () => {
    expect(agencyIdsOf(officer)).toEqual(["hanoi", "hue"]);
    expect(agencyIdsOf(officer, ["SPECIALIST"])).toEqual(["hanoi"]);
  });
});
