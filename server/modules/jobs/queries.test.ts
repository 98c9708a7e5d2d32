import { describe, expect, it } from "vitest";
import { errorOf, toFailedJob, type JobRow } from "./queries";

const base: JobRow = {
  id: "0b6f6a52-6a55-4f55-9a0b-5d3c3f1b2a11",
  name: "dossier.notify",
  state: "retry",
  data: { eventId: "e1" },
  output: { name: "Error", message: "SMTP refused", stack: "…" },
  retry_count: 1,
  retry_limit: 5,
  singleton_key: "dossier:d1",
  created_on: new Date("2026-12-01T01:00:00Z"),
  completed_on: null,
  start_after: new Date("2026-12-01T01:05:00Z"),
  dead_letter: "dead/dossier.notify",
  source_name: null,
  source_id: null,
  source_output: null,
  source_retry_count: null,
};

describe("failed jobs as the page shows them", () => {
  it("a retrying job: its last error, runs so far of those allowed, when it runs next", () => {
    expect(toFailedJob(base)).toMatchObject({
      kind: "RETRYING",
      jobName: "dossier.notify",
      key: "dossier:d1",
      error: { name: "Error", message: "SMTP refused" },
      attempts: 2,
      maxAttempts: 6,
      at: base.start_after,
    });
  });

  it("a dead letter: the queue it failed on and the error of its last run", () => {
    const dead = toFailedJob({
      ...base,
      name: "dead/dossier.notify",
      state: "created",
      output: null,
      retry_count: 0,
      source_name: "dossier.notify",
      source_id: "5f0c…",
      source_output: { message: "SMTP refused" },
      source_retry_count: 5,
    });
    expect(dead).toMatchObject({ kind: "DEAD", queue: "dead/dossier.notify", jobName: "dossier.notify", attempts: 6, maxAttempts: null, error: { name: null, message: "SMTP refused" } });
  });

  it("a failed job of a queue without dead letters; nothing for active, completed or already-moved jobs", () => {
    expect(toFailedJob({ ...base, state: "failed", dead_letter: null, completed_on: new Date() })?.kind).toBe("FAILED");
    expect(toFailedJob({ ...base, state: "active" })).toBeNull();
    expect(toFailedJob({ ...base, state: "completed" })).toBeNull();
    expect(toFailedJob({ ...base, name: "dead/dossier.notify", state: "completed" })).toBeNull();
  });

  it("reads pg-boss's own failures as well as ours", () => {
    expect(errorOf("pg-boss shut down while active")).toEqual({ name: null, message: "pg-boss shut down while active" });
    expect(errorOf({ value: "handler timeout" })).toEqual({ name: null, message: "handler timeout" });
    expect(errorOf({ code: 42 })).toEqual({ name: null, message: '{"code":42}' });
    expect(errorOf(null)).toBeNull();
  });
});
