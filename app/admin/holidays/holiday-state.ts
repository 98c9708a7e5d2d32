// The holiday calendar's state changes as pure reducers (unit-tested beside): the status shared by
// every action (busy, the last notice or refusal) and the CSV import (the text and its preview).
import type { RouterOutputs } from "~/app/_trpc/react";
import type { TFunction } from "~/server/i18n/core";
import type { CallError } from "../_components/ui";

export type ImportPreview = RouterOutputs["admin"]["holiday"]["previewImport"];

export interface ActionStatus {
  /** A call is under way: every action waits. */
  busy: boolean;
  notice: string | null;
  error: CallError | null;
}

export type StatusAction = { type: "started" } | { type: "succeeded"; notice: string | null } | { type: "refused"; error: CallError };

/** Runs a call with the shared status: `notice` says what it did (then the page reloads its data); null for a read. */
export type RunAction = <T>(call: () => Promise<T>, notice: ((result: T) => string) | null) => Promise<T | null>;

export const idleStatus: ActionStatus = { busy: false, notice: null, error: null };

export function statusReducer(state: ActionStatus, action: StatusAction): ActionStatus {
  switch (action.type) {
    case "started":
      return { busy: true, notice: null, error: null };
    case "succeeded":
      return { busy: false, notice: action.notice, error: null };
    case "refused":
      return { busy: false, notice: null, error: action.error };
  }
}

export interface CsvImportState {
  csv: string;
  /** The server's reading of `csv`; dropped as soon as the text changes. */
  preview: ImportPreview | null;
}

export type CsvImportAction = { type: "typed"; csv: string } | { type: "previewed"; preview: ImportPreview } | { type: "imported" };

export const emptyCsvImport: CsvImportState = { csv: "", preview: null };

export function csvImportReducer(state: CsvImportState, action: CsvImportAction): CsvImportState {
  switch (action.type) {
    case "typed":
      return { csv: action.csv, preview: null };
    case "previewed":
      return { ...state, preview: action.preview };
    case "imported":
      return emptyCsvImport;
  }
}

/** The preview's problems, translated, by line (0: the whole file), in the order first met. */
export function errorsByLine(preview: ImportPreview | null, t: TFunction): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const e of preview?.errors ?? []) {
    const list = byLine.get(e.line) ?? [];
    list.push(t(`admin.holidays.csvErrors.${e.code}`, { detail: e.detail }));
    byLine.set(e.line, list);
  }
  return byLine;
}

export function weekday(date: string, locale: "vi" | "en"): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale === "en" ? "en-GB" : "vi-VN", { weekday: "long", timeZone: "UTC" });
}

export function displayDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
