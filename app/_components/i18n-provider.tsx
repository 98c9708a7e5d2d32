"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createT, DEFAULT_LOCALE, type Locale, type Messages, type TFunction } from "~/server/i18n/core";

interface I18nValue {
  locale: Locale;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({ locale: DEFAULT_LOCALE, t: createT(DEFAULT_LOCALE, {}) });

/**
 * Translations for client components. The root layout passes only the namespaces client
 * components use (CLIENT_NAMESPACES in app/layout.tsx), so pages do not ship the whole dictionary.
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Partial<Messages>;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: createT(locale, messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
