// THE dossier screen of the workspace, fed by the server's dossier detail DTO (TDossierDetail):
// rendered on the server by /officer/dossiers/[id], and in the browser by the offline shell from
// the device's copy (with the outbox's pending actions previewed). No data fetching and no hooks
// here, so both can render it; what only one side has comes in through the props.
import type { ReactNode } from "react";
import type { PendingEvent } from "~/app/_offline/optimistic";
import type { Locale, TFunction } from "~/server/i18n/core";
import type { TDossierDetail } from "~/server/modules/dossier/schema";
import { formatDateTime, pickName } from "../../_lib/format";
import { ActionPanel } from "../actions/action-panel";
import { DeadlineBadge, StatusBadge } from "../badges";
import { ApplicantSection } from "./applicant-section";
import { ControlSheetSection } from "./control-sheet-section";
import { DeadlinesSection } from "./deadlines-section";
import { DocumentsSection } from "./documents-section";
import { FormDataView } from "./form-data";
import { FormLinksSection, type DossierFormNumber } from "./form-links-section";
import { Section } from "./section";
import { TimelineSection } from "./timeline-section";
import type { FileLinkOf } from "./types";

export interface DossierViewProps {
  dossier: TDossierDetail;
  t: TFunction;
  locale: Locale;
  /** The clock that says whether an open step is late. */
  now: Date;
  /** Where each attachment opens (the server's file route, or the device's copy). */
  fileLink: FileLinkOf;
  /** The standard forms that apply (PDFs the server makes); without them the forms section is left out (offline). */
  forms?: DossierFormNumber[];
  /** Shown after the badges (offline: the date of the device's copy). */
  badgesNote?: ReactNode;
  /** Shown under the header (a dossier just created, actions waiting in the outbox). */
  notice?: ReactNode;
  /** Actions in this device's outbox, listed first in the timeline. */
  pending?: PendingEvent[];
}

export function DossierView({ dossier: d, t, locale, now, fileLink, forms, badgesNote, notice, pending }: DossierViewProps) {
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-ink-600">{t("officer.dossier.codeLabel")}</p>
        <h1 className="font-mono text-2xl break-all text-brand-800" data-testid="dossier-code">
          {d.code}
        </h1>
        <p className="text-lg">
          <span className="text-ink-600">{d.procedure.code}</span> · {pickName(locale, d.procedure.nameVi, d.procedure.nameEn)}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={d.status} t={t} />
          <DeadlineBadge overdue={d.overdue} dueSoon={d.dueSoon} t={t} />
          {d.pausedAt && (
            <span className="rounded border border-gold-800 px-2 py-0.5 text-sm font-semibold text-gold-800">
              {t("officer.dossier.clockPaused", { at: formatDateTime(d.pausedAt) })}
            </span>
          )}
          {d.isTest && <span className="rounded border border-ink-600 px-2 py-0.5 text-sm font-semibold">{t("officer.dossier.testDossier")}</span>}
          <span className="text-sm text-ink-600">
            {t("officer.dossier.channel")}: {t(`channels.${String(d.channel) as "1" | "2" | "3"}`)}
          </span>
          {badgesNote}
        </div>
      </header>

      {notice}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="order-2 min-w-0 space-y-6 lg:order-1">
          <Section id="applicant" title={t("officer.dossier.applicant")}>
            <ApplicantSection d={d} t={t} locale={locale} />
          </Section>

          <Section id="form-data" title={t("officer.dossier.formData")}>
            <FormDataView formSchema={d.procedure.formSchema} formData={d.formData as Record<string, unknown>} locale={locale} t={t} />
          </Section>

          <Section id="documents" title={t("officer.dossier.documents")}>
            <DocumentsSection d={d} t={t} locale={locale} fileLink={fileLink} />
          </Section>
        </div>

        <aside className="order-1 space-y-6 lg:order-2" aria-label={t("officer.dossier.sidebar")}>
          <Section id="actions" title={t("officer.dossier.actions")}>
            {d.canAct ? (
              <ActionPanel
                dossier={{
                  id: d.id,
                  code: d.code,
                  version: d.version,
                  status: d.status,
                  dueAt: d.dueAt,
                  resultDelivery: d.resultDelivery,
                  currentStepOrder: d.currentStep?.order ?? null,
                  steps: d.procedure.steps.map((s) => ({ order: s.order, nameVi: s.nameVi, nameEn: s.nameEn })),
                  actions: d.availableActions,
                }}
              />
            ) : (
              <p className="text-ink-600">{t("officer.dossier.readOnly")}</p>
            )}
          </Section>

          <Section id="deadlines" title={t("officer.dossier.deadlines")}>
            <DeadlinesSection d={d} t={t} locale={locale} />
          </Section>

          {forms && (
            <Section id="forms" title={t("officer.dossier.forms")}>
              <FormLinksSection id={d.id} forms={forms} t={t} />
            </Section>
          )}
        </aside>
      </div>

      <Section id="control-sheet" title={t("officer.dossier.controlSheet")}>
        <ControlSheetSection d={d} t={t} locale={locale} now={now} />
      </Section>

      <Section id="timeline" title={t("officer.dossier.timeline")}>
        <TimelineSection d={d} t={t} locale={locale} pending={pending} />
      </Section>
    </>
  );
}
