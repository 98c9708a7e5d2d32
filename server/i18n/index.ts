import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale, type TFunction } from "./core";
import { getT } from "./messages";

export * from "./core";
export { getMessages, getT } from "./messages";

/** The request's locale from the `locale` cookie; Vietnamese when absent or unknown. */
export async function getLocale(): Promise<Locale> {
  const store = await cookies();
  return resolveLocale(store.get(LOCALE_COOKIE)?.value);
}

/** Locale and translate function for a Server Component or route handler. */
export async function getI18n(): Promise<{ locale: Locale; t: TFunction }> {
  const locale = await getLocale();
  return { locale, t: getT(locale) };
}
