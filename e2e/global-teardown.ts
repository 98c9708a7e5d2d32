import { cleanUp, readState } from "./support/processes";

/** Stops the e2e server and drops (or stops) the e2e database that the global setup recorded. */
export default async function globalTeardown(): Promise<void> {
  const state = readState();
  if (state) await cleanUp(state);
}
