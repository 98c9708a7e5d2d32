// Plain-HTML pages: the site's own React components rendered once to static markup, sent without
// the client runtime (no React, no RSC payload, no script at all), linking the site stylesheet.
//
// For the busiest signed-out page, the public tracking view that a receipt's QR code opens on a
// phone: an App Router page costs a flight render plus an HTML render plus ~150 KB of framework
// JavaScript on a slow network, for a page that has nothing to hydrate. next.config.js rewrites
// only signed-out, grant-less GETs here; everything else gets the React page, whose markup is the
// same components (docs/BENCHMARKS.md has the figures).
import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ReactElement } from "react";
import { SiteFooter } from "~/app/_components/site-footer";
import { SiteHeader } from "~/app/_components/site-header";
import type { Locale, TFunction } from "~/server/i18n/core";

type StaticMarkup = (element: ReactElement) => string;

let staticMarkup: Promise<StaticMarkup> | undefined;

/**
 * react-dom/server, loaded by Node at run time rather than bundled: Next.js refuses it inside the
 * server-components graph (route handlers included), where it renders to the RSC payload instead.
 * Only server components without hooks or client components may be rendered through it.
 */
function loadStaticMarkup(): Promise<StaticMarkup> {
  staticMarkup ??= import(/* webpackIgnore: true */ "react-dom/server").then((m) => m.renderToStaticMarkup as StaticMarkup);
  return staticMarkup;
}

let stylesheets: string[] | undefined;

function cssFilesUnder(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? cssFilesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith(".css") ? [`${prefix}${entry.name}`] : [],
    )
    .sort();
}

/**
 * The URLs of the site stylesheet (app/globals.css, the only CSS the app imports) as this build
 * emitted it: the very file the React pages link, so a visitor's browser caches it once for both.
 * Read once per process (every time in development, where it changes).
 */
export function siteStylesheets(): string[] {
  if (stylesheets !== undefined && process.env.NODE_ENV === "production") return stylesheets;
  const dir = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static", "css");
  stylesheets = cssFilesUnder(dir).map((file) => `/_next/static/css/${file}`);
  if (stylesheets.length === 0) console.warn(`plain-html: no stylesheet under ${dir}; plain pages go out unstyled`);
  return stylesheets;
}

export interface PlainPage {
  locale: Locale;
  t: TFunction;
  /** The page's own title; the site name is appended as app/layout.tsx's title template does. */
  title: string;
  noIndex?: boolean;
  /** The content of <main>: server components only. */
  body: ReactElement;
  status?: number;
  headers?: Record<string, string>;
}

/** A whole page, in the root layout's frame (skip link, header for a signed-out visitor, footer). */
export async function plainPageResponse(page: PlainPage): Promise<Response> {
  const { locale, t } = page;
  const render = await loadStaticMarkup();
  const html = render(
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#a11d21" />
        <title>{`${page.title} — ${t("common.appShortName")}`}</title>
        <meta name="description" content={t("home.heroLead")} />
        <meta name="application-name" content={t("common.appShortName")} />
        {page.noIndex && <meta name="robots" content="noindex" />}
        {siteStylesheets().map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className="font-sans antialiased">
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        <SiteHeader locale={locale} t={t} user={null} plain />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {page.body}
        </main>
        <SiteFooter t={t} />
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status: page.status ?? 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate", ...page.headers },
  });
}
