import type { ReactNode } from "react";

export type PlainLinkProps = { href: string; className?: string; children: ReactNode };

/**
 * A plain anchor, as <Link> renders on the server: for markup that is also sent as plain HTML,
 * without the client runtime (app/_plain-html), where client components cannot render.
 */
export function PlainLink({ href, className, children }: PlainLinkProps) {
  return (
    // class before href: the attribute order <Link> renders, so both give the same markup.
    <a className={className} href={href}>
      {children}
    </a>
  );
}
