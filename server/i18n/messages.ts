import en from "../../messages/en.json";
import vi from "../../messages/vi.json";
import { createT, type Locale, type Messages, type TFunction } from "./core";

// en is checked against the Vietnamese shape at compile time (missing keys fail typecheck);
// messages.test.ts also fails on extra keys.
const dictionaries: Record<Locale, Messages> = { vi, en };

export function getMessages(locale: Locale): Messages {
  return dictionaries[locale];
}

export function getT(locale: Locale): TFunction {
  return createT(locale, dictionaries[locale]);
}
