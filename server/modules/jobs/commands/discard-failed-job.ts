// Discard a failed job from /admin/jobs: it will not run again. A dead letter takes its original
// job with it (on an ordered queue that original holds back the later jobs of its key). In one
// transaction with its audit row, which keeps what the job was.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { withTransactionBoss } from "../../../jobs/transaction-boss";
import { parseInput } from "../../../validation";
import { writeAudit } from "../../admin/commands/write-audit";
import { loadAdminActor } from "../../admin/queries/admin-actor";
import { requireSystemAdmin } from "../../admin/policy";
import { lockJobRow, toFailedJob } from "../queries";
import { ZJobRefSchema, type TJobActionResult, type TJobRef } from "../schema";

export async function discardFailedJob(db: Db, input: { actorUserId: string } & TJobRef): Promise<TJobActionResult> {
  const { actorUserId, ...raw } = input;
  const ref = parseInput(ZJobRefSchema, raw);
  requireSystemAdmin(await loadAdminActor(db, { userId: actorUserId }));
  return db.$transaction(async (tx) => {
    const row = await lockJobRow(tx, ref);
    const before = row ? toFailedJob(row) : null;
    if (!row || !before) throw new AppError("NOT_FOUND", { message: `no failed job ${ref.queue} ${ref.id} (retried, discarded or finished meanwhile)` });
    await withTransactionBoss(tx, async (boss, bossDb) => {
      if (before.kind === "DEAD" && row.source_name && row.source_id) {
        const original = await lockJobRow(tx, { queue: row.source_name, id: row.source_id });
        if (original?.state === "failed") await boss.deleteJob(original.name, original.id, { db: bossDb });
      }
      await boss.deleteJob(row.name, row.id, { db: bossDb });
    });
    await writeAudit(tx, { actorUserId, entity: "Job", entityId: row.id, action: "discard", before, after: null });
    return { outcome: "discarded" } as const;
  });
}
