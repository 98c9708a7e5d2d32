import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTRPCContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { isCrossSiteWrite } from "~/server/http/same-origin";

function handler(req: Request) {
  // Mutations are POSTs: one from another origin is refused before any procedure runs (CSRF). The
  // proxy (proxy.ts) refuses them too; this keeps the API safe if its matcher ever changes.
  if (isCrossSiteWrite(req.method, req.headers)) {
    return Response.json({ error: { message: "Cross-site request refused" } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    onError({ error, path }) {
      // Unexpected failures are logged here with their stack; the client only gets the translated message.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
