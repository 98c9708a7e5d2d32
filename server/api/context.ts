import "server-only";
import { getSessionUser } from "../auth";
import { getDb } from "../db";
import { localeFromCookieHeader } from "../i18n/core";
import type { TRPCContext } from "./trpc";

/**
 * The context of every tRPC call, over HTTP (app/api/trpc) or from Server Components
 * (server/api/caller.ts). The session only says who; builders re-read rights from the database.
 */
export async function createTRPCContext(opts: { headers: Headers }): Promise<TRPCContext> {
  return {
    db: getDb(),
    session: await getSessionUser(),
    locale: localeFromCookieHeader(opts.headers.get("cookie")),
    headers: opts.headers,
  };
}
