import { describe, expect, it } from "vitest";
import { MAX_DEVICE_AHEAD_MS, MAX_DEVICE_BEHIND_MS, effectiveActionTime } from "./action-time";

const now = new Date("2026-03-10T03:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("effectiveActionTime", () => {
  it.each([
    ["no device time", undefined, null, now],
    ["device an hour behind", at(-3_600_000), null, at(-3_600_000)],
    ["device exactly 72 h behind", at(-MAX_DEVICE_BEHIND_MS), null, at(-MAX_DEVICE_BEHIND_MS)],
    ["device beyond 72 h behind", at(-MAX_DEVICE_BEHIND_MS - 1), null, now],
    ["device slightly ahead: capped at server time", at(60_000), null, now],
    ["device beyond 5 min ahead", at(MAX_DEVICE_AHEAD_MS + 1), null, now],
    ["invalid device time", new Date(Number.NaN), null, now],
    ["never before the dossier's last moment", at(-3_600_000), at(-60_000), at(-60_000)],
  ] as const)("%s", (_label, deviceAt, notBefore, expected) => {
    expect(effectiveActionTime(now, deviceAt, notBefore)).toEqual(expected);
  });
});
