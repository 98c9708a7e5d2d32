"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchStreamLink, loggerLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";
import { createQueryClient } from "./query-client";

export type { RouterInputs, RouterOutputs } from "~/server/api/root";

const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
/** `const trpc = useTRPC(); useQuery(trpc.me.get.queryOptions())`. */
export { useTRPC, useTRPCClient };

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server each render gets its own client (no data shared between users);
  // in the browser one client lives for the page's lifetime.
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

/**
 * tRPC + React Query for client components. Mounted by the officer workspace layout only:
 * citizen pages are server-rendered and do not ship this bundle.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
        }),
        // Same-origin relative URL: the client only ever runs in the browser.
        httpBatchStreamLink({ url: "/api/trpc", transformer: superjson }),
      ],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The translated message the server put on an error (server/api/error-format.ts), or null. */
export function userMessageOf(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const message = (error.data as { userMessage?: unknown } | undefined)?.userMessage;
    if (typeof message === "string") return message;
  }
  return null;
}
