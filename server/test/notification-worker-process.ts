// A worker in a process of its own, for the test that kills one mid-send
// (server/modules/notification/notification.int.test.ts). Env: DATABASE_URL, SMTP_URL, ...
import { createDb } from "../db";
import type { JobDefinition } from "../jobs/define";
import { startWorker } from "../jobs/worker";
import { sendDeliveryJobWith } from "../modules/notification/jobs/send-delivery";

const queue = JSON.parse(process.env.TEST_SEND_QUEUE ?? "{}") as Parameters<typeof sendDeliveryJobWith>[0];
const db = createDb({ max: 2 });
await startWorker({
  db,
  connectionString: process.env.DATABASE_URL!,
  jobs: [sendDeliveryJobWith(queue) as JobDefinition<unknown>],
  poolMax: 2,
  pollingIntervalSeconds: 0.5,
  schedule: false,
  superviseIntervalSeconds: 1,
  log: (line) => process.stdout.write(`[child-worker] ${line}\n`),
});
process.stdout.write("WORKER READY\n");
