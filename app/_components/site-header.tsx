import NextLink from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "~/app/_actions/auth";
import type { Locale, TFunction } from "~/server/i18n/core";
import { LanguageSwitch } from "./language-switch";
import { PlainLink } from "./plain-link";
import { SignOutForm } from "./sign-out-form";

export interface HeaderUser {
  name: string | null;
  isOfficer: boolean;
}

/**
 * The site's header. `plain` renders anchors instead of <Link> (no client components), for the
 * plain-HTML pages; those are only sent to signed-out visitors, so `user` is then null.
 */
export function SiteHeader({ locale, t, user, plain = false }: { locale: Locale; t: TFunction; user: HeaderUser | null; plain?: boolean }) {
  const Link = plain ? PlainLink : NextLink;
  return (
    <header className="bg-brand-700 text-white">
      <div className="border-b-4 border-gold-300">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/" className="flex items-center gap-3 text-white no-underline hover:text-white">
            <span aria-hidden="true" className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full border-2 border-gold-300 bg-brand-800 text-xl text-gold-300">
              ★
            </span>
            <span className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-gold-100">{t("common.ministry")}</span>
              <span className="max-w-2xl text-base font-bold leading-snug sm:text-lg">{t("common.appName")}</span>
            </span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <LanguageSwitch locale={locale} t={t} />
            {user ? (
              // Wipes the officer's offline data on this device before signing out (app/_offline/sign-out).
              <SignOutForm action={signOutAction} confirmUnsent={t("officer.offline.signOutUnsent")} className="flex items-center gap-3 text-sm">
                {user.name && <span className="text-gold-100">{t("auth.signedInAs", { name: user.name })}</span>}
                <button type="submit" className="rounded border border-white/70 px-3 py-1 font-semibold text-white hover:bg-brand-800">
                  {t("common.signOut")}
                </button>
              </SignOutForm>
            ) : (
              <Link
                href="/sign-in"
                className="rounded border border-white/70 px-3 py-1 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
              >
                {t("common.signIn")}
              </Link>
            )}
          </div>
        </div>
      </div>
      <nav aria-label={t("common.mainNav")} className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 text-sm">
          <NavLink Link={Link} href="/">
            {t("common.home")}
          </NavLink>
          <NavLink Link={Link} href="/procedures">
            {t("common.procedures")}
          </NavLink>
          <NavLink Link={Link} href="/#track">
            {t("common.track")}
          </NavLink>
          {user && !user.isOfficer && (
            <NavLink Link={Link} href="/me">
              {t("me.title")}
            </NavLink>
          )}
          {user?.isOfficer && (
            <NavLink Link={Link} href="/officer">
              {t("common.officerWorkspace")}
            </NavLink>
          )}
        </ul>
      </nav>
    </header>
  );
}

function NavLink({ Link, href, children }: { Link: typeof NextLink | typeof PlainLink; href: string; children: ReactNode }) {
  return (
    <li>
      <Link href={href} className="block px-3 py-2 font-semibold text-white no-underline hover:bg-brand-900 hover:text-white">
        {children}
      </Link>
    </li>
  );
}
