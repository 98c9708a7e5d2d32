import { describe, expect, it } from "vitest";
import { shellRouteOf, slipSeqOf } from "./shell-route";

describe("shellRouteOf", () => {
  it.each([
    ["/officer/dossiers/abc%20d", "", { kind: "dossier", id: "abc d" }],
    ["/officer/intake", "", { kind: "intake" }],
    ["/officer/outbox", "?slip=7", { kind: "outbox", slip: 7 }],
    ["/officer/outbox/", "?slip=0", { kind: "outbox", slip: null }],
    ["/officer/outbox", "", { kind: "outbox", slip: null }],
    ["/officer/worklist/queue", "", { kind: "worklist", view: "queue" }],
    ["/officer", "", { kind: "worklist", view: "mine" }],
    ["/officer/reports", "", { kind: "worklist", view: "mine" }],
  ])("%s%s", (path, search, route) => {
    expect(shellRouteOf(path, search)).toEqual(route);
  });

  it("reads only positive integer slips", () => {
    expect([slipSeqOf("3"), slipSeqOf("-1"), slipSeqOf("1.5"), slipSeqOf("x"), slipSeqOf(null)]).toEqual([3, null, null, null, null]);
  });
});
