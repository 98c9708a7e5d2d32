import NextAuth from "next-auth";
import { getAuthOptions } from "~/server/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (memoised), not at import: `next build` must not need a secret.
function handler(req: Request, context: Context) {
  return NextAuth(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
