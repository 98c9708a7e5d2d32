// The job backbone on the embedded database (PGlite behind pglite-socket), the default of a fresh
// `npm start`: the migration installs pg-boss there too, a dossier event's job is written in the
// command's transaction, and the worker (which cannot listen there: NOTIFY does not arrive through
// pglite-socket) polls and runs it. On a PostgreSQL run this file starts its own embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDb, type Db } from "../db";
import { act, createDesk, intake } from "../test/desk";
import { createTestDatabase, type TestDatabase } from "../test/test-database";
import { defineJob } from "./define";
import { DOSSIER_EVENT_SUBSCRIBERS, ZDossierEventJobSchema } from "./dossier-events";
import { jobRows, testJobName, waitFor } from "./test-fixtures";
import { startWorker } from "./worker";

let own: TestDatabase | undefined;
let url: string;
let db: Db;

const handled: string[] = [];
const subscriber = defineJob({
  name: testJobName("embedded"),
  schema: ZDossierEventJobSchema,
  queue: { orderedByKey: true },
  handler: async (_db, data) => {
    handled.push(data.eventId);
  },
});

beforeAll(async () => {
  if (inject("databaseEmbedded")) {
    url = inject("databaseUrl");
  } else {
    own = await createTestDatabase({ prefix: "motcua_it_" });
    url = own.url;
  }
  db = createDb({ url, max: 2 });
  DOSSIER_EVENT_SUBSCRIBERS.push(subscriber);
}, 120_000);

afterAll(async () => {
  DOSSIER_EVENT_SUBSCRIBERS.splice(0);
  await db?.$disconnect();
  await own?.drop();
});

describe("jobs on the embedded database", () => {
  it("enqueues in the command's transaction and runs the job after commit, polling", async () => {
    const desk = await createDesk(db);
    const dossier = await intake(db, desk);
    await act(db, desk.leader.id, dossier.id, { action: "COMMENT", payload: { note: "embedded" } });
    const events = await db.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { resultingVersion: "asc" }, select: { id: true } });
    expect((await jobRows(db, subscriber.name)).map((j) => j.data.eventId)).toEqual(events.map((e) => e.id));

    // Asked to listen, it polls all the same: it knows the embedded database by its version().
    const worker = await startWorker({ db, connectionString: url, jobs: [subscriber], poolMax: 1, pollingIntervalSeconds: 0.5, listenNotify: true, schedule: false, log: () => {} });
    try {
      expect(worker.listening).toBe(false);
      await waitFor(() => handled.length, (n) => n >= 2, 30_000, "both jobs");
    } finally {
      await worker.stop();
    }
    expect(handled).toEqual(events.map((e) => e.id));
  }, 60_000);
});
