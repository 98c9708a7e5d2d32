"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useTRPCClient, type RouterOutputs } from "~/app/_trpc/react";
import { BUTTON_SECONDARY, BUTTON_SMALL, callError, describedBy, Field, StatusLine, type CallError } from "../_components/ui";

type Day = RouterOutputs["admin"]["holiday"]["list"][number];
type Preview = RouterOutputs["admin"]["holiday"]["previewImport"];

function weekday(date: string, locale: "vi" | "en"): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale === "en" ? "en-GB" : "vi-VN", { weekday: "long", timeZone: "UTC" });
}

function displayDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** The year's days off and swapped working days, with add, remove and a CSV import (preview, then confirm). */
export function HolidayManager({ year, agencyId, days, canEdit }: { year: number; agencyId: string | null; days: Day[]; canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const client = useTRPCClient();
  const router = useRouter();
  const [error, setError] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ date: `${year}-01-01`, kind: "HOLIDAY" as "HOLIDAY" | "WORKING_DAY", nameVi: "", nameEn: "" });
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);

  async function run<T>(call: () => Promise<T>, done: (result: T) => string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const result = await call();
      setNotice(done(result));
      router.refresh();
      return result;
    } catch (e) {
      setError(callError(e, t));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  }

  const f = error?.fields ?? {};
  const errorsByLine = new Map<number, string[]>();
  for (const e of preview?.errors ?? []) {
    const list = errorsByLine.get(e.line) ?? [];
    list.push(t(`admin.holidays.csvErrors.${e.code}`, { detail: e.detail }));
    errorsByLine.set(e.line, list);
  }

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {notice && <StatusLine kind="ok">{notice}</StatusLine>}
        {error && <StatusLine kind="error">{Object.values(error.fields)[0] ?? error.message}</StatusLine>}
      </div>

      <section className="overflow-x-auto rounded border border-line bg-white" aria-labelledby="days-title">
        <h2 id="days-title" className="sr-only">
          {t("admin.holidays.listTitle")}
        </h2>
        {days.length === 0 ? (
          <p className="p-4">{t("admin.holidays.none", { year: String(year) })}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="holiday-table">
            <thead className="bg-paper">
              <tr>
                <th scope="col" className="px-3 py-2">{t("admin.holidays.date")}</th>
                <th scope="col" className="px-3 py-2">{t("admin.holidays.kind")}</th>
                <th scope="col" className="px-3 py-2">{t("admin.holidays.name")}</th>
                {canEdit && <th scope="col" className="px-3 py-2"><span className="sr-only">{t("admin.common.actions")}</span></th>}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.id} className="border-t border-line">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span className="font-semibold">{displayDate(d.date)}</span> <span className="text-ink-600">{weekday(d.date, locale)}</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${d.kind === "HOLIDAY" ? "bg-brand-100 text-brand-800" : "bg-green-100 text-green-900"}`}>
                      {t(`admin.holidays.kind${d.kind}`)}
                    </span>
                  </td>
                  <td className="px-3 py-2">{locale === "en" ? d.nameEn : d.nameVi}</td>
                  {canEdit && (
                    <td className="px-3 py-2 text-right">
                      <button
                        type="button"
                        className={BUTTON_SMALL}
                        disabled={busy}
                        aria-label={t("admin.holidays.removeNamed", { date: displayDate(d.date) })}
                        onClick={() => {
                          if (window.confirm(t("admin.holidays.removeConfirm", { date: displayDate(d.date) }))) {
                            void run(() => client.admin.holiday.remove.mutate({ holidayId: d.id }), () => t("admin.holidays.removed"));
                          }
                        }}
                      >
                        {t("admin.common.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {canEdit && (
        <>
          <section className="card" aria-labelledby="add-title">
            <h2 id="add-title" className="text-xl text-brand-800">
              {t("admin.holidays.addTitle")}
            </h2>
            <form
              className="mt-3 grid gap-x-4 sm:grid-cols-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => client.admin.holiday.add.mutate({ ...form, agencyId }), () => t("admin.holidays.added")).then((r) => r && setForm((v) => ({ ...v, nameVi: "", nameEn: "" })));
              }}
            >
              <Field id="holiday-date" label={t("admin.holidays.date")} error={f.date}>
                <input id="holiday-date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} className="field-input" required {...describedBy("holiday-date", { error: f.date })} />
              </Field>
              <Field id="holiday-kind" label={t("admin.holidays.kind")} hint={t("admin.holidays.kindHint")}>
                <select id="holiday-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })} className="field-input" {...describedBy("holiday-kind", { hint: true })}>
                  <option value="HOLIDAY">{t("admin.holidays.kindHOLIDAY")}</option>
                  <option value="WORKING_DAY">{t("admin.holidays.kindWORKING_DAY")}</option>
                </select>
              </Field>
              <Field id="holiday-name-vi" label={t("admin.holidays.nameVi")} error={f.nameVi}>
                <input id="holiday-name-vi" value={form.nameVi} onChange={(e) => setForm({ ...form, nameVi: e.target.value })} className="field-input" required lang="vi" />
              </Field>
              <Field id="holiday-name-en" label={t("admin.holidays.nameEn")} error={f.nameEn}>
                <input id="holiday-name-en" value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} className="field-input" required lang="en" />
              </Field>
              <div>
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t("admin.holidays.add")}
                </button>
              </div>
            </form>
          </section>

          <section className="card" aria-labelledby="import-title">
            <h2 id="import-title" className="text-xl text-brand-800">
              {t("admin.holidays.importTitle")}
            </h2>
            <p className="mt-1 text-sm text-ink-600">{t("admin.holidays.importHint")}</p>
            <pre className="mt-2 overflow-x-auto rounded bg-paper p-2 text-xs">{`date,kind,nameVi,nameEn\n${year}-09-02,HOLIDAY,Quốc khánh,National Day\n${year}-01-10,WORKING_DAY,Làm việc bù,Working Saturday`}</pre>
            <div className="mt-3">
              <label htmlFor="csv-file" className="field-label">
                {t("admin.holidays.csvFile")}
              </label>
              <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} className="block text-sm" />
            </div>
            <Field id="csv-text" label={t("admin.holidays.csvText")} className="mt-3">
              <textarea
                id="csv-text"
                rows={6}
                value={csv}
                onChange={(e) => {
                  setCsv(e.target.value);
                  setPreview(null);
                }}
                className="field-input font-mono text-sm"
                spellCheck={false}
              />
            </Field>
            <div className="flex flex-wrap gap-3">
              <button
                type="button"
                className={BUTTON_SECONDARY}
                disabled={busy || csv.trim() === ""}
                onClick={async () => {
                  setBusy(true);
                  setError(null);
                  setNotice(null);
                  try {
                    setPreview(await client.admin.holiday.previewImport.mutate({ csv, agencyId }));
                  } catch (e) {
                    setError(callError(e, t));
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {t("admin.holidays.preview")}
              </button>
              {preview && preview.errors.length === 0 && preview.toAdd > 0 && (
                <button
                  type="button"
                  className="btn-primary"
                  disabled={busy}
                  data-testid="confirm-import"
                  onClick={() =>
                    void run(
                      () => client.admin.holiday.importCsv.mutate({ csv, agencyId }),
                      (r) => t("admin.holidays.imported", { added: r.added.length, unchanged: r.unchanged }),
                    ).then((r) => {
                      if (r) {
                        setPreview(null);
                        setCsv("");
                      }
                    })
                  }
                >
                  {t("admin.holidays.confirmImport", { count: preview.toAdd })}
                </button>
              )}
            </div>

            {preview && (
              <div className="mt-4 space-y-3" data-testid="import-preview">
                {preview.errors.length > 0 ? (
                  <StatusLine kind="error">{t("admin.holidays.previewErrors", { count: preview.errors.length })}</StatusLine>
                ) : (
                  <StatusLine kind="ok">{preview.toAdd > 0 ? t("admin.holidays.previewOk", { count: preview.toAdd }) : t("admin.holidays.previewNothing")}</StatusLine>
                )}
                {errorsByLine.size > 0 && (
                  <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("admin.holidays.errorList")}>
                    {[...errorsByLine].map(([line, messages]) => (
                      <li key={line}>
                        <strong>{line > 0 ? t("admin.holidays.line", { line }) : t("admin.holidays.wholeFile")}</strong>: {messages.join("; ")}
                      </li>
                    ))}
                  </ul>
                )}
                {preview.rows.length > 0 && (
                  <table className="w-full text-left text-sm">
                    <thead>
                      <tr>
                        <th scope="col" className="py-1 pr-3">{t("admin.holidays.lineNo")}</th>
                        <th scope="col" className="py-1 pr-3">{t("admin.holidays.date")}</th>
                        <th scope="col" className="py-1 pr-3">{t("admin.holidays.kind")}</th>
                        <th scope="col" className="py-1 pr-3">{t("admin.holidays.name")}</th>
                        <th scope="col" className="py-1">{t("admin.holidays.effect")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((r) => (
                        <tr key={r.line} className="border-t border-line">
                          <td className="py-1 pr-3">{r.line}</td>
                          <td className="py-1 pr-3 whitespace-nowrap">
                            {displayDate(r.date)} <span className="text-ink-600">{weekday(r.date, locale)}</span>
                          </td>
                          <td className="py-1 pr-3">{t(`admin.holidays.kind${r.kind}`)}</td>
                          <td className="py-1 pr-3">
                            {r.nameVi}
                            <div className="text-xs text-ink-600">{r.nameEn}</div>
                          </td>
                          <td className="py-1">{errorsByLine.has(r.line) ? t("admin.holidays.effectError") : r.unchanged ? t("admin.holidays.effectUnchanged") : t("admin.holidays.effectAdd")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
