"use client";

// The CSV import: a file or pasted text, previewed by the server line by line, then confirmed.
import { useReducer } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import { BUTTON_SECONDARY, Field, StatusLine } from "../_components/ui";
import { csvImportReducer, displayDate, emptyCsvImport, errorsByLine, weekday, type ImportPreview as Preview, type RunAction } from "./holiday-state";

export function CsvImport({ year, agencyId, busy, run }: { year: number; agencyId: string | null; busy: boolean; run: RunAction }) {
  const t = useT();
  const client = useTRPCClient();
  const [{ csv, preview }, dispatch] = useReducer(csvImportReducer, emptyCsvImport);

  async function readFile(file: File | undefined) {
    if (!file) return;
    dispatch({ type: "typed", csv: await file.text() });
  }

  return (
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
        <textarea id="csv-text" rows={6} value={csv} onChange={(e) => dispatch({ type: "typed", csv: e.target.value })} className="field-input font-mono text-sm" spellCheck={false} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={BUTTON_SECONDARY}
          disabled={busy || csv.trim() === ""}
          onClick={async () => {
            const read = await run(() => client.admin.holiday.previewImport.mutate({ csv, agencyId }), null);
            if (read) dispatch({ type: "previewed", preview: read });
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
              ).then((r) => r && dispatch({ type: "imported" }))
            }
          >
            {t("admin.holidays.confirmImport", { count: preview.toAdd })}
          </button>
        )}
      </div>
      {preview && <ImportPreview preview={preview} />}
    </section>
  );
}

/** What the import would do: a verdict, the problems by line, and each row's effect. */
function ImportPreview({ preview }: { preview: Preview }) {
  const t = useT();
  const locale = useLocale();
  const byLine = errorsByLine(preview, t);
  return (
    <div className="mt-4 space-y-3" data-testid="import-preview">
      {preview.errors.length > 0 ? (
        <StatusLine kind="error">{t("admin.holidays.previewErrors", { count: preview.errors.length })}</StatusLine>
      ) : (
        <StatusLine kind="ok">{preview.toAdd > 0 ? t("admin.holidays.previewOk", { count: preview.toAdd }) : t("admin.holidays.previewNothing")}</StatusLine>
      )}
      {byLine.size > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("admin.holidays.errorList")}>
          {[...byLine].map(([line, messages]) => (
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
                <td className="py-1">{byLine.has(r.line) ? t("admin.holidays.effectError") : r.unchanged ? t("admin.holidays.effectUnchanged") : t("admin.holidays.effectAdd")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
