"use client";

// Form 01 (receipt and appointment slip) printed on the device for an intake taken offline: the
// reserved dossier code (also as the tracking QR code, like the server's PDF), the applicant, the
// documents received, the reception time and the due date the server will keep.
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import type { CachedMe, IntakeEntry } from "~/app/_offline/store";
import type { TPickerProcedure } from "~/server/modules/dossier/schema";
import { formatDateTime, pickName } from "../../_lib/format";

export function ReceiptSlip({ entry, me, procedure }: { entry: IntakeEntry; me: CachedMe | undefined; procedure: TPickerProcedure | undefined }) {
  const t = useT();
  const locale = useLocale();
  const [qr, setQr] = useState<string | null>(null);
  const { input, printed } = entry;
  const agency = me?.memberships.find((m) => m.agencyId === input.agencyId);
  const ticked = new Set(input.checklist ?? []);

  useEffect(() => {
    const url = `${window.location.origin}/track/${encodeURIComponent(printed.code)}`;
    QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 160 })
      .then(setQr)
      .catch(() => setQr(null));
  }, [printed.code]);

  return (
    <article data-testid="receipt-slip" className="card mx-auto max-w-2xl space-y-4 bg-white print:border-0 print:shadow-none">
      <header className="flex items-start justify-between gap-4">
        <div>
          <p className="font-semibold uppercase">{agency ? pickName(locale, agency.agencyNameVi, agency.agencyNameEn) : ""}</p>
          <h1 className="mt-2 text-xl font-bold">{t("officer.offline.slip.title")}</h1>
          <p className="text-sm text-ink-600">{t("officer.offline.slip.form")}</p>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the device, offline */}
        {qr && <img src={qr} alt={t("officer.offline.slip.qrAlt", { code: printed.code })} width={120} height={120} />}
      </header>
      <dl className="grid grid-cols-[minmax(8rem,12rem)_1fr] gap-x-4 gap-y-1">
        <dt>{t("officer.offline.slip.code")}</dt>
        <dd className="font-mono text-lg font-bold" data-testid="slip-code">
          {printed.code}
        </dd>
        <dt>{t("officer.offline.slip.procedure")}</dt>
        <dd>{procedure ? `${procedure.procedureCode} — ${pickName(locale, procedure.nameVi, procedure.nameEn)}` : "—"}</dd>
        <dt>{t("officer.offline.slip.applicant")}</dt>
        <dd>{input.applicantName}</dd>
        {input.applicantIdNumber && (
          <>
            <dt>{t("officer.applicant.idNumber")}</dt>
            <dd>{input.applicantIdNumber}</dd>
          </>
        )}
        <dt>{t("officer.offline.slip.receivedAt")}</dt>
        <dd data-testid="slip-received">{formatDateTime(printed.receivedAt)}</dd>
        <dt>{t("officer.offline.slip.dueAt")}</dt>
        <dd className="font-bold" data-testid="slip-due">
          {printed.dueAt ? formatDateTime(printed.dueAt) : "—"}
        </dd>
        <dt>{t("officer.offline.slip.receivedBy")}</dt>
        <dd>{me?.name ?? ""}</dd>
      </dl>
      {procedure && (
        <section>
          <h2 className="font-semibold">{t("officer.offline.slip.documents")}</h2>
          <ol className="list-decimal pl-6">
            {procedure.components
              .filter((c) => ticked.has(c.id))
              .map((c) => (
                <li key={c.id}>{pickName(locale, c.nameVi, c.nameEn)}</li>
              ))}
          </ol>
        </section>
      )}
      <p className="text-sm text-ink-600">{t("officer.offline.slip.note")}</p>
      <button type="button" onClick={() => window.print()} className="btn-primary print:hidden">
        {t("officer.offline.slip.print")}
      </button>
    </article>
  );
}
