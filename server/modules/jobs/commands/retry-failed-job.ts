// Retry a failed job from /admin/jobs: it runs again as soon as a worker is free, with one more
// attempt. A dead letter is retried in place when its original job is still kept (an ordered
// queue's failed job holds back the later jobs of its key: retrying it in place keeps their order),
// else moved back to its queue as a new job. In one transaction with its audit row.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { withTransactionBoss } from "../../../jobs/transaction-boss";
import { parseInput } from "../../../validation";
import { writeAudit } from "../../admin/commands/write-audit";
import { loadAdminActor } from "../../admin/queries/admin-actor";
import { requireSystemAdmin } from "../../admin/policy";
import { lockJobRow, toFailedJob } from "../queries";
import { ZJobRefSchema, type TJobActionResult, type TJobRef } from "../schema";

export async function retryFailedJob(db: Db, input: { actorUserId: string } & TJobRef): Promise<TJobActionResult> {
  const { actorUserId, ...raw } = input;
  const ref = parseInput(ZJobRefSchema, raw);
  requireSystemAdmin(await loadAdminActor(db, { userId: actorUserId }));
  return db.$transaction(async (tx) => {
    const row = await lockJobRow(tx, ref);
    const before = row ? toFailedJob(row) : null;
    if (!row || !before) throw new AppError("NOT_FOUND", { message: `no failed job ${ref.queue} ${ref.id} (retried, discarded or finished meanwhile)` });
    let how: string;
    await withTransactionBoss(tx, async (boss, bossDb) => {
      if (before.kind === "RETRYING") {
        await boss.update(row.name, undefined, { id: row.id, startAfter: new Date(), db: bossDb });
        how = "now";
      } else if (before.kind === "FAILED") {
        await boss.retry(row.name, row.id, { db: bossDb });
        how = "in place";
      } else {
        const original = row.source_name && row.source_id ? await lockJobRow(tx, { queue: row.source_name, id: row.source_id }) : null;
        if (original?.state === "failed") {
          await boss.retry(original.name, original.id, { db: bossDb });
          await boss.deleteJob(row.name, row.id, { db: bossDb });
          how = "in place";
        } else {
          const moved = await boss.redrive(row.name, { ids: [row.id], db: bossDb });
          if (moved !== 1) {
            throw new AppError("CONFLICT", { message: `dead letter ${row.id} cannot go back to ${before.jobName} (no such queue any more): discard it` });
          }
          how = "moved back";
        }
      }
    });
    await writeAudit(tx, { actorUserId, entity: "Job", entityId: row.id, action: "retry", before, after: { queue: before.jobName, retried: how! } });
    return { outcome: "retried" } as const;
  });
}
