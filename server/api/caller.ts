import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createTRPCContext } from "./context";
import { createCaller } from "./root";

/**
 * The API for Server Components and Server Actions: `const me = await api.me.get()`.
 * A plain caller (no HTTP, same builders, same checks, same error mapping). The context is built
 * once per request (React `cache`). Pages here render on the server and need no client cache;
 * when an officer screen wants server-prefetched React Query data, add createTRPCOptionsProxy
 * with a HydrationBoundary next to this caller.
 */
const createRequestContext = cache(async () => createTRPCContext({ headers: new Headers(await headers()) }));

export const api = createCaller(createRequestContext);
