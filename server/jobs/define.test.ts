import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_CRON_TZ, defineJob } from "./define";
import { deadLetterQueueOptions, idempotentJobId, queueOptionsOf } from "./queues";

const schema = z.object({ id: z.string() });
const handler = async () => {};

describe("defineJob", () => {
  it("fills the queue defaults and names the dead-letter queue", () => {
    const job = defineJob({ name: "dossier.notify-applicant", schema, handler, queue: { retryLimit: 8, orderedByKey: true } });
    expect(job.queue).toEqual({ retryLimit: 8, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 300, orderedByKey: true });
    expect(job.deadLetterQueue).toBe("dead/dossier.notify-applicant");
    expect(job.cron).toBeUndefined();
  });

  it("schedules in Vietnam time unless told otherwise", () => {
    expect(defineJob({ name: "a.b", schema, handler, cron: { schedule: "0 7 * * 1-5" } }).cron).toEqual({ schedule: "0 7 * * 1-5", tz: DEFAULT_CRON_TZ });
    expect(defineJob({ name: "a.b", schema, handler, cron: { schedule: "0 7 * * *", tz: "UTC" } }).cron!.tz).toBe("UTC");
  });

  it.each(["notify", "Dossier.notify", "dossier.notify applicant", "dossier.", "dead/dossier.x", "dossier:notify"])("refuses the name %j", (name) => {
    expect(() => defineJob({ name, schema, handler })).toThrow(/not a job name/);
  });
});

describe("queue options", () => {
  it("maps the definition onto pg-boss: strict FIFO per key, retries with capped backoff, its dead-letter queue", () => {
    const job = defineJob({ name: "dossier.sync", schema, handler, queue: { orderedByKey: true, retryDelaySeconds: 30 } });
    expect(queueOptionsOf(job)).toEqual({
      policy: "key_strict_fifo",
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: 300,
      deadLetter: "dead/dossier.sync",
      notify: false,
    });
    expect(queueOptionsOf(job, { notify: true }).notify).toBe(true);
    const plain = queueOptionsOf(defineJob({ name: "a.b", schema, handler, queue: { retryBackoff: false } }));
    expect(plain).toMatchObject({ policy: "standard", retryBackoff: false });
    expect(plain).not.toHaveProperty("retryDelayMax");
    expect(deadLetterQueueOptions()).toMatchObject({ policy: "standard", retentionSeconds: 365 * 24 * 3600 });
  });
});

describe("idempotentJobId", () => {
  it("is a UUID fixed by the queue and the key", () => {
    const id = idempotentJobId("dossier.notify", "event-1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotentJobId("dossier.notify", "event-1")).toBe(id);
    expect(idempotentJobId("dossier.notify", "event-2")).not.toBe(id);
    expect(idempotentJobId("dossier.sync", "event-1")).not.toBe(id);
  });
});
