// For integration tests of notifications: the local SMTP and SMS stand-ins (real servers on free
// ports) with this process's environment pointing at them, and a worker on the test database.
import { inject } from "vitest";
import { startSmsSimulator, type SmsSimulator } from "../../scripts/simulators/sms";
import { startSmtpSimulator, type SmtpSimulator } from "../../scripts/simulators/smtp";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { JobDefinition, JobQueueOptions } from "../jobs/define";
import { startWorker, type Worker } from "../jobs/worker";
import { dispatchDossierEventJob } from "../modules/notification/jobs/dispatch-dossier-event";
import { sendDeliveryJobWith } from "../modules/notification/jobs/send-delivery";

/** Retries in seconds, not minutes: what the tests wait for. */
export const FAST_SEND_QUEUE: JobQueueOptions = { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 4 };

export async function startSimulators(): Promise<{ smtp: SmtpSimulator; sms: SmsSimulator; close(): Promise<void> }> {
  const smtp = await startSmtpSimulator({ smtpPort: 0, controlPort: 0 });
  const sms = await startSmsSimulator({ port: 0 });
  Object.assign(process.env, smtp.appEnv, sms.appEnv, { SMTP_TIMEOUT_MS: "3000", SMS_TIMEOUT_MS: "3000", APP_BASE_URL: "https://motcua.test" });
  return {
    smtp,
    sms,
    async close() {
      await Promise.all([smtp.close(), sms.close()]);
    },
  };
}

export function notificationJobs(queue: JobQueueOptions = FAST_SEND_QUEUE): JobDefinition<unknown>[] {
  return [dispatchDossierEventJob as JobDefinition<unknown>, sendDeliveryJobWith(queue) as JobDefinition<unknown>];
}

export async function startTestWorker(db: Db, jobs = notificationJobs()): Promise<Worker> {
  return startWorker({
    db,
    connectionString: inject("databaseUrl"),
    jobs,
    poolMax: inject("databaseEmbedded") ? 1 : 3,
    pollingIntervalSeconds: 0.5,
    schedule: false,
    superviseIntervalSeconds: 1,
    shutdownTimeoutSeconds: 5,
    log: () => {},
  });
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The AppError a call is refused with (fails when it is not refused, or with something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}
