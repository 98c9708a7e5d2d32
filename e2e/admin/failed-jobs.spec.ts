// /admin/jobs: a job whose retries ran out (dead-lettered by pg-boss itself) is listed with its
// error for the ministry's system administrator, who retries it; the job is back in its queue
// waiting for a worker, and the retry is in the audit log. An agency administrator has no such page.
import { randomUUID } from "node:crypto";
import { PgBoss } from "pg-boss";
import { z } from "zod";
import vi from "../../messages/vi.json" with { type: "json" };
import { demoAccounts } from "../../prisma/seed/accounts";
import { defineJob } from "../../server/jobs/define";
import { enqueueJob } from "../../server/jobs/enqueue";
import { PGBOSS_SCHEMA } from "../../server/jobs/queues";
import { e2eDatabaseUrl } from "../support/env";
import { expect, signInAsOfficer, test } from "../fixtures";

const account = (email: string) => demoAccounts.find((a) => a.email === email)!;

test.describe("failed background jobs", () => {
  test("the system administrator sees a dead job's error and retries it", async ({ page, db }) => {
    // A job of a queue no worker serves, failed once with no retries left: pg-boss dead-letters it.
    const job = defineJob({
      name: `e2e.failing-${randomUUID().slice(0, 8)}`,
      schema: z.object({ dossierCode: z.string() }),
      queue: { retryLimit: 0 },
      handler: async () => {},
    });
    await db.$transaction((tx) => enqueueJob(tx, job, { dossierCode: "000.00.00.H00-261208-0001" }));
    const boss = new PgBoss({ connectionString: e2eDatabaseUrl(), schema: PGBOSS_SCHEMA, max: 1, supervise: false, schedule: false, migrate: false, registerInstance: false });
    await boss.start();
    try {
      const [fetched] = await boss.fetch(job.name);
      await boss.fail(job.name, fetched!.id, { name: "Error", message: "SMTP 421 service not available" });
    } finally {
      await boss.stop({ graceful: false });
    }

    await signInAsOfficer(page, account("quantrihethong@motcua.test"));
    await page.goto("/admin");
    await page.getByRole("navigation", { name: vi.admin.nav.label }).getByRole("link", { name: vi.admin.nav.jobs }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.admin.jobs.title);
    const entry = page.getByTestId("failed-job").filter({ hasText: job.name });
    await expect(entry).toContainText(vi.admin.jobs.kinds.DEAD);
    await expect(entry).toContainText("SMTP 421 service not available");

    await entry.getByRole("button", { name: vi.admin.jobs.retry }).click();
    await expect(entry.getByRole("status")).toHaveText(vi.admin.jobs.retried);
    // No worker serves this queue, so after the refresh it waits for its next attempt, no longer dead.
    const after = page.getByTestId("failed-job").filter({ hasText: job.name });
    await expect(after).toHaveCount(1);
    await expect(after).toContainText(vi.admin.jobs.kinds.RETRYING);
    await expect(after).not.toContainText(vi.admin.jobs.kinds.DEAD);

    const rows = await db.$queryRawUnsafe<Array<{ name: string; state: string }>>(
      `SELECT name, state::text AS state FROM ${PGBOSS_SCHEMA}.job WHERE name = ANY($1::text[])`,
      [job.name, job.deadLetterQueue],
    );
    // Back in its own queue for another attempt; the dead letter is gone.
    expect(rows).toEqual([{ name: job.name, state: "retry" }]);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "quantrihethong@motcua.test" }, select: { id: true } });
    expect(await db.auditLog.count({ where: { entity: "Job", action: "retry", actorId: admin.id } })).toBeGreaterThanOrEqual(1);
  });

  test("an agency administrator has no failed-jobs page", async ({ page }) => {
    await signInAsOfficer(page, account("quantri.hanoi@motcua.test"));
    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: vi.admin.nav.label }).getByRole("link", { name: vi.admin.nav.jobs })).toHaveCount(0);
    await page.goto("/admin/jobs");
    await expect(page.getByText(vi.admin.jobs.systemOnly)).toBeVisible();
  });
});
