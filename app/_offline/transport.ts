// A plain tRPC client for the outbox and the offline cache: one HTTP request per call (no batching,
// so one lost answer concerns one action), usable from pages and from the service worker.
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";
import type { OutboxTransport } from "./sync-engine";

export type OfflineClient = TRPCClient<AppRouter>;

export function createOfflineClient(origin = ""): OfflineClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${origin}/api/trpc`, transformer: superjson })],
  });
}

export function outboxTransport(client: OfflineClient): OutboxTransport {
  return {
    act: (input) => client.dossier.act.mutate(input),
    intake: (input) => client.dossier.intake.mutate(input),
  };
}
