import { describe, expect, it } from "vitest";
import { actorRolesOn } from "./acting-roles";

// Non-boundary reception: received in Hà Nội, handled in Huế.
const dossier = { receivingAgencyId: "hanoi", handlingAgencyId: "hue" };

describe("actorRolesOn", () => {
  it.each([
    { name: "every role at the handling agency", memberships: [{ agencyId: "hue", role: "SPECIALIST" }, { agencyId: "hue", role: "LEADER" }], roles: ["SPECIALIST", "LEADER"] },
    { name: "only the desk roles at the receiving agency", memberships: [{ agencyId: "hanoi", role: "RECEPTION_OFFICER" }, { agencyId: "hanoi", role: "POSTAL_STAFF" }, { agencyId: "hanoi", role: "SPECIALIST" }], roles: ["RECEPTION_OFFICER", "POSTAL_STAFF"] },
    { name: "no monitoring role, even at the handling agency", memberships: [{ agencyId: "hue", role: "CONTROLLER" }, { agencyId: "hue", role: "SYSTEM_ADMIN" }], roles: [] },
    { name: "nothing from another agency", memberships: [{ agencyId: "hcm", role: "LEADER" }], roles: [] },
    { name: "a role held at both agencies once", memberships: [{ agencyId: "hue", role: "RECEPTION_OFFICER" }, { agencyId: "hanoi", role: "RECEPTION_OFFICER" }], roles: ["RECEPTION_OFFICER"] },
  ] as const)("$name", ({ memberships, roles }) => {
    expect(actorRolesOn({ memberships }, dossier)).toEqual(roles);
  });
});
