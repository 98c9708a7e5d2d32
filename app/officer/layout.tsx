import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/app/_trpc/react";
import { getSessionUser } from "~/server/auth";

/**
 * The officer workspace: signed-in users only (the page checks the officer role against the
 * database). Client components below get tRPC + React Query; citizen pages do not load them.
 */
export default async function OfficerLayout({ children }: { children: ReactNode }) {
  const session = await getSessionUser();
  if (!session) redirect("/sign-in?callbackUrl=/officer");
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
