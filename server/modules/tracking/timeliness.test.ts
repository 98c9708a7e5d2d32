import { describe, expect, it } from "vitest";
import { timelinessOf } from "./timeliness";

const due = new Date("2026-02-27T10:00:00Z");
const before = new Date("2026-02-26T10:00:00Z");
const after = new Date("2026-03-02T10:00:00Z");

describe("timelinessOf", () => {
  it.each([
    ["running, before due", { status: "PROCESSING", dueAt: due, finishedAt: null, pausedAt: null }, before, "ON_TIME"],
    ["running, past due", { status: "PROCESSING", dueAt: due, finishedAt: null, pausedAt: null }, after, "LATE"],
    ["finished on the due instant", { status: "RETURNED", dueAt: due, finishedAt: due, pausedAt: null }, after, "ON_TIME"],
    ["finished late", { status: "PROCESSED", dueAt: due, finishedAt: after, pausedAt: null }, after, "LATE"],
    ["paused before due, now past it", { status: "SUPPLEMENT_REQUESTED", dueAt: due, finishedAt: null, pausedAt: before }, after, "ON_TIME"],
    ["not received", { status: "NEW", dueAt: null, finishedAt: null, pausedAt: null }, after, null],
    ["withdrawn", { status: "WITHDRAWN", dueAt: due, finishedAt: after, pausedAt: null }, after, null],
    ["refused", { status: "REFUSED", dueAt: null, finishedAt: before, pausedAt: null }, after, null],
    ["stopped", { status: "STOPPED", dueAt: due, finishedAt: after, pausedAt: null }, after, null],
  ] as const)("%s", (_name, input, now, expected) => {
    expect(timelinessOf(input, now)).toBe(expected);
  });
});
