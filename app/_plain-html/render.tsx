// Plain-HTML pages: the site's own React components rendered once to static markup, sent without
// the client runtime (no React, no RSC payload, no script at all), with the site stylesheet inline.
//
// For the busiest signed-out page, the public tracking view that a receipt's QR code opens on a
// phone: an App Router page costs a flight render plus an HTML render plus ~150 KB of framework
// JavaScript on a slow network, for a page that has nothing to hydrate. next.config.js rewrites
// only signed-out, grant-less GETs here; everything else gets the React page, whose markup is the
// same components (docs/BENCHMARKS.md has the figures).
import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

let stylesheet: string | undefined;

function cssFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? cssFilesUnder(join(dir, entry.name)) : entry.name.endsWith(".css") ? [join(dir, entry.name)] : []))
    .sort();
}

/**
 * The site stylesheet (app/globals.css, the only CSS the app imports) as this build emitted it, to
 * go inline: a first visit on a slow phone network paints without waiting for a second request
 * (about 1.1x a static page's LCP against 1.3x with a <link>, docs/BENCHMARKS.md), at the price of
 * ~8 KB more per page on the wire and its compression. Read once per process (every time in
 * development, where it changes).
 */
export function siteStylesheet(): string {
  if (stylesheet !== undefined && process.env.NODE_ENV === "production") return stylesheet;
  const dir = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static", "css");
  const files = cssFilesUnder(dir);
  if (files.length === 0) console.warn(`plain-html: no stylesheet under ${dir}; plain pages go out unstyled`);
  stylesheet = files
    .map((file) => readFileSync(file, "utf8"))
    .join("\n")
    .replace(/<\/style/gi, "<\\/style");
  return stylesheet;
}

export interface PlainPage {
  locale: Locale;
  t: TFunction;
  /** The page's own title; the site name is appended as app/layout.tsx's title template does. */
  title: string;
  /** false: the title alone (the home page, whose title is the site's name). */
  siteTitle?: boolean;
  noIndex?: boolean;
  /** The content of <main>: server components only. */
  body: ReactElement;
  status?: number;
  headers?: Record<string, string>;
}

const MAIN_SLOT = "@@plain-html-main@@";
const frames = new Map<Locale, { top: string; bottom: string }>();

/**
 * The body around <main> (skip link, header for a signed-out visitor, footer): the same for every
 * page in a locale, so rendered once per locale and process (every time in development).
 */
function frameOf(locale: Locale, t: TFunction, render: StaticMarkup): { top: string; bottom: string } {
  const cached = frames.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const html = render(
    <body className="font-sans antialiased">
      <a href="#main" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <SiteHeader locale={locale} t={t} user={null} plain />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {MAIN_SLOT}
      </main>
      <SiteFooter t={t} />
    </body>,
  );
  const at = html.indexOf(MAIN_SLOT);
  const frame = { top: html.slice(0, at), bottom: html.slice(at + MAIN_SLOT.length) };
  frames.set(locale, frame);
  return frame;
}

/** A whole page, in the root layout's frame (skip link, header for a signed-out visitor, footer). */
export async function plainPageResponse(page: PlainPage): Promise<Response> {
  const { locale, t } = page;
  const render = await loadStaticMarkup();
  const head = render(
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="theme-color" content="#a11d21" />
      <title>{page.siteTitle === false ? page.title : `${page.title} — ${t("common.appShortName")}`}</title>
      <meta name="description" content={t("home.heroLead")} />
      <meta name="application-name" content={t("common.appShortName")} />
      {page.noIndex && <meta name="robots" content="noindex" />}
    </head>,
  );
  const frame = frameOf(locale, t, render);
  const html = `<!DOCTYPE html><html lang="${locale}">${head.replace("</head>", () => `<style>${siteStylesheet()}</style></head>`)}${frame.top}${render(page.body)}${frame.bottom}</html>`;
  return new Response(html, {
    status: page.status ?? 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate", ...page.headers },
  });
}
