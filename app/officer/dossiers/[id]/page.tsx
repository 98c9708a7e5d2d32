import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import type { RouterOutputs } from "~/server/api/root";
import { getI18n, type Locale, type TFunction } from "~/server/i18n";
import { applicableForms, type DossierFormNumber } from "~/server/modules/standard-forms/dossier-forms";
import { DeadlineBadge, Notice, StatusBadge } from "../../_components/badges";
import { formatBytes, formatDate, formatDateTime, formatDateTimeSeconds, formatNumber, pickName } from "../../_lib/format";
import { getOfficerContext } from "../../_lib/officer";
import { ActionPanel } from "./action-panel";
import { FormDataView } from "./form-data";

type Detail = RouterOutputs["dossier"]["get"];
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadDossier(id: string): Promise<Detail | null> {
  try {
    return await api.dossier.get({ dossierId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const { t } = await getI18n();
  const d = await loadDossier(id).catch(() => null);
  return { title: d ? t("officer.dossier.pageTitle", { code: d.code }) : t("officer.title") };
}

export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const sp = await searchParams;
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  if (!ctx.isOfficer) return <div className="mx-auto max-w-3xl px-4 py-8"><Notice>{t("auth.officerOnly")}</Notice></div>;
  const d = await loadDossier(id);
  if (!d) notFound();

  const forms = applicableForms(d);
  const justCreated = sp.created === "1";
  const stepName = (order: number | null) => {
    const s = d.procedure.steps.find((x) => x.order === order);
    return s ? pickName(locale, s.nameVi, s.nameEn) : null;
  };

  return (
    <div className="space-y-6 px-4 py-6 md:px-6">
      <p>
        <Link href="/officer/worklist/mine">{t("officer.dossier.backToWorklist")}</Link>
      </p>

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
        </div>
      </header>

      {justCreated && (
        <Notice tone="success">
          <p className="font-semibold">{t("officer.intake.created", { code: d.code })}</p>
          {forms.includes("01") && (
            <p className="mt-1">
              <a href={`/officer/dossiers/${d.id}/forms/01`} target="_blank" rel="noopener" className="font-semibold">
                {t("officer.forms.printReceipt")}
              </a>
            </p>
          )}
        </Notice>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="order-2 min-w-0 space-y-6 lg:order-1">
          <Section id="applicant" title={t("officer.dossier.applicant")}>
            <Applicant d={d} t={t} locale={locale} />
          </Section>

          <Section id="form-data" title={t("officer.dossier.formData")}>
            <FormDataView formSchema={d.procedure.formSchema} formData={d.formData as Record<string, unknown>} locale={locale} t={t} />
          </Section>

          <Section id="documents" title={t("officer.dossier.documents")}>
            <Documents d={d} t={t} locale={locale} />
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
            <Deadlines d={d} t={t} locale={locale} />
          </Section>

          <Section id="forms" title={t("officer.dossier.forms")}>
            <FormLinks id={d.id} forms={forms} t={t} />
          </Section>
        </aside>
      </div>

      <Section id="control-sheet" title={t("officer.dossier.controlSheet")}>
        <ControlSheet d={d} t={t} locale={locale} />
      </Section>

      <Section id="timeline" title={t("officer.dossier.timeline")}>
        <Timeline d={d} t={t} locale={locale} stepName={stepName} />
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-ink-600">{label}</dt>
      <dd className="break-words">{children ?? "—"}</dd>
    </div>
  );
}

const dlClass = "grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,14rem)_1fr]";

function Applicant({ d, t, locale }: { d: Detail; t: TFunction; locale: Locale }) {
  const a = d.applicant;
  return (
    <dl className={dlClass}>
      <Row label={t("officer.applicant.type")}>{t(`officer.applicantTypes.${a.type}`)}</Row>
      {a.organisationName && <Row label={t("officer.applicant.organisation")}>{a.organisationName}</Row>}
      {a.taxCode && <Row label={t("officer.applicant.taxCode")}>{a.taxCode}</Row>}
      <Row label={t("officer.applicant.name")}>{a.name}</Row>
      <Row label={t("officer.applicant.idNumber")}>{a.idNumber}</Row>
      <Row label={t("officer.applicant.dateOfBirth")}>{a.dateOfBirth ? formatDate(a.dateOfBirth) : null}</Row>
      <Row label={t("officer.applicant.phone")}>{a.phone}</Row>
      <Row label={t("officer.applicant.email")}>{a.email}</Row>
      <Row label={t("officer.applicant.address")}>{a.address}</Row>
      <Row label={t("officer.dossier.resultDelivery")}>
        {t(`officer.delivery.${d.resultDelivery}`)}
        {d.deliveryAddress ? ` — ${d.deliveryAddress}` : ""}
      </Row>
      <Row label={t("officer.dossier.receivingAgency")}>{pickName(locale, d.receivingAgency.nameVi, d.receivingAgency.nameEn)}</Row>
      {d.handlingAgency.id !== d.receivingAgency.id && <Row label={t("officer.dossier.handlingAgency")}>{pickName(locale, d.handlingAgency.nameVi, d.handlingAgency.nameEn)}</Row>}
    </dl>
  );
}

function Deadlines({ d, t, locale }: { d: Detail; t: TFunction; locale: Locale }) {
  const limit = t(`officer.units.${d.procedure.limitUnit}`, { count: d.procedure.limitValue });
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <Row label={t("officer.deadline.limit")}>{limit}</Row>
        <Row label={t("officer.deadline.submittedAt")}>{formatDateTime(d.submittedAt)}</Row>
        <Row label={t("officer.deadline.receivedAt")}>{d.receivedAt ? formatDateTime(d.receivedAt) : null}</Row>
        <Row label={t("officer.deadline.current")}>
          <span className="font-semibold">{d.dueAt ? formatDateTime(d.dueAt) : null}</span>
        </Row>
        <Row label={t("officer.deadline.original")}>{d.originalDueAt ? formatDateTime(d.originalDueAt) : null}</Row>
        <Row label={t("officer.deadline.extended")}>{d.extendedDueAt ? formatDateTime(d.extendedDueAt) : null}</Row>
        {d.currentStep && (
          <>
            <Row label={t("officer.deadline.currentStep")}>{pickName(locale, d.currentStep.nameVi, d.currentStep.nameEn)}</Row>
            <Row label={t("officer.deadline.stepDue")}>{d.stepDueAt ? formatDateTime(d.stepDueAt) : null}</Row>
          </>
        )}
        <Row label={t("officer.deadline.assignee")}>{d.assignee?.name ?? t("officer.worklist.unassigned")}</Row>
        {d.finishedAt && <Row label={t("officer.deadline.finishedAt")}>{formatDateTime(d.finishedAt)}</Row>}
        {d.returnedAt && <Row label={t("officer.deadline.returnedAt")}>{formatDateTime(d.returnedAt)}</Row>}
        {d.resultNumber && <Row label={t("officer.deadline.resultNumber")}>{d.resultNumber}</Row>}
        {d.postalWaybill && <Row label={t("officer.deadline.waybill")}>{d.postalWaybill}</Row>}
        {d.feeAmount !== null && (
          <Row label={t("officer.deadline.fee")}>
            {`${formatNumber(d.feeAmount, locale)} ₫`}
            {d.feePaidAt ? ` · ${t("officer.deadline.feePaid", { at: formatDateTime(d.feePaidAt) })}` : ""}
          </Row>
        )}
      </dl>
      {d.clockEvents.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">{t("officer.clock.title")}</summary>
          <ol className="mt-2 space-y-1 text-sm">
            {d.clockEvents.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{t(`officer.clock.${c.kind}`)}</span> · {formatDateTime(c.at)}
                {c.dueAt && ` → ${t("officer.clock.dueAfter", { at: formatDateTime(c.dueAt) })}`}
                {c.reason && <span className="block text-ink-600">{c.reason}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

const FORM_KEYS: Record<DossierFormNumber, `officer.forms.f${DossierFormNumber}`> = {
  "01": "officer.forms.f01",
  "02": "officer.forms.f02",
  "03": "officer.forms.f03",
  "04": "officer.forms.f04",
  "05": "officer.forms.f05",
  "06": "officer.forms.f06",
};

function FormLinks({ id, forms, t }: { id: string; forms: DossierFormNumber[]; t: TFunction }) {
  if (forms.length === 0) return <p className="text-ink-600">{t("officer.forms.none")}</p>;
  return (
    <ul className="space-y-1">
      {forms.map((f) => (
        <li key={f}>
          <a href={`/officer/dossiers/${id}/forms/${f}`} target="_blank" rel="noopener" data-form={f}>
            {f === "01" ? t("officer.forms.printReceipt") : t("officer.forms.print", { name: t(FORM_KEYS[f]), form: f })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Documents({ d, t, locale }: { d: Detail; t: TFunction; locale: Locale }) {
  const ticked = new Set(Array.isArray(d.formData.intakeChecklist) ? (d.formData.intakeChecklist as unknown[]).filter((x) => typeof x === "string") : []);
  const filesOf = (componentId: string) => d.attachments.filter((a) => a.documentComponentId === componentId);
  const loose = d.attachments.filter((a) => !a.documentComponentId || !d.procedure.components.some((c) => c.id === a.documentComponentId));
  return (
    <div className="space-y-4">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("officer.documents.caption")}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-2">{t("officer.documents.component")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.documents.copies")}</th>
            <th scope="col" className="py-1">{t("officer.documents.received")}</th>
          </tr>
        </thead>
        <tbody>
          {d.procedure.components.map((c) => {
            const files = filesOf(c.id);
            const present = ticked.has(c.id) || files.length > 0;
            return (
              <tr key={c.id} className="border-b border-line align-top">
                <td className="py-1.5 pr-2">
                  {pickName(locale, c.nameVi, c.nameEn)}
                  {c.required && <span className="ml-1 text-brand-700">({t("officer.documents.required")})</span>}
                  {files.length > 0 && <FileList files={files} t={t} locale={locale} />}
                </td>
                <td className="py-1.5 pr-2">{(locale === "en" ? (c.copiesEn ?? c.copiesVi) : c.copiesVi) ?? "—"}</td>
                <td className="py-1.5">{present ? `✓ ${t("officer.documents.present")}` : t("officer.documents.absent")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {loose.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("officer.documents.otherFiles")}</h3>
          <FileList files={loose} t={t} locale={locale} />
        </div>
      )}
    </div>
  );
}

function FileList({ files, t, locale }: { files: Detail["attachments"]; t: TFunction; locale: Locale }) {
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/api/files/${f.id}`} target="_blank" rel="noopener" className="font-semibold">
            {f.fileName}
          </a>{" "}
          <span className="text-ink-600">
            ({t(`officer.documents.kind.${f.kind}`)} · {f.mimeType} · {formatBytes(f.sizeBytes, locale)} · {formatDateTime(f.createdAt)})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Whether an instant has passed (this request's clock: the page renders per request). */
function isPast(date: Date): boolean {
  return date.getTime() < Date.now();
}

function ControlSheet({ d, t, locale }: { d: Detail; t: TFunction; locale: Locale }) {
  if (d.steps.length === 0) return <p className="text-ink-600">{t("officer.control.empty")}</p>;
  const def = new Map(d.procedure.steps.map((s) => [s.order, s]));
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("officer.control.caption")}>
      <table className="w-full border-collapse text-left text-sm" data-testid="control-sheet">
        <caption className="sr-only">{t("officer.control.caption")}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-2">{t("officer.control.step")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.holder")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.allowed")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.started")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.due")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.control.finished")}</th>
            <th scope="col" className="py-1">{t("officer.control.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {d.steps.map((s) => {
            const stepDef = def.get(s.order);
            const late = s.onTime === false || (s.onTime === null && isPast(s.dueAt));
            return (
              <tr key={s.id} className="border-b border-line align-top">
                <th scope="row" className="min-w-[10rem] py-1.5 pr-2 font-normal">{pickName(locale, s.nameVi, s.nameEn)}</th>
                <td className="min-w-[8rem] py-1.5 pr-2">{s.holderName ?? "—"}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">
                  {stepDef ? t(`officer.units.${stepDef.allowanceUnit}`, { count: stepDef.allowanceValue }) : "—"}
                </td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{formatDateTime(s.startedAt)}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{formatDateTime(s.dueAt)}</td>
                <td className="py-1.5 pr-2 whitespace-nowrap">{s.finishedAt ? formatDateTime(s.finishedAt) : "—"}</td>
                <td className={`min-w-[8rem] py-1.5 font-semibold ${late ? "text-brand-700" : ""}`}>
                  {s.onTime === true
                    ? `✓ ${t("officer.control.onTime")}`
                    : s.onTime === false
                      ? `! ${t("officer.control.late")}`
                      : late
                        ? `! ${t("officer.control.openLate")}`
                        : t("officer.control.open")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Events whose assignee is news (other events' payloads also carry the holder at the time). */
const ASSIGNING_ACTIONS = new Set<Detail["events"][number]["action"]>(["ASSIGN", "FORWARD", "APPROVE", "SEND_BACK", "RECEIVE", "INTAKE"]);

function Timeline({ d, t, locale, stepName }: { d: Detail; t: TFunction; locale: Locale; stepName: (o: number | null) => string | null }) {
  // Names of the people the events mention (assignees are ids in the payload).
  const names = new Map<string, string>();
  for (const s of d.steps) if (s.holderId && s.holderName) names.set(s.holderId, s.holderName);
  for (const e of d.events) if (e.actorId && e.actorName) names.set(e.actorId, e.actorName);
  if (d.assignee) names.set(d.assignee.id, d.assignee.name);

  return (
    <ol className="space-y-4 border-l-2 border-line pl-4" data-testid="timeline">
      {[...d.events].reverse().map((e) => {
        const p = e.payload && typeof e.payload === "object" && !Array.isArray(e.payload) ? (e.payload as Record<string, unknown>) : {};
        const toStep = e.toStepOrder !== e.fromStepOrder ? stepName(e.toStepOrder) : null;
        return (
          <li key={e.id} className="relative">
            <span aria-hidden="true" className="absolute top-2 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white bg-brand-700" />
            <p className="font-semibold">{t(`officer.events.${e.action}`)}</p>
            <p className="text-sm">
              {e.actorName ?? t("officer.timeline.system")}
              {e.actorRole && <span className="text-ink-600"> · {t(`roles.${e.actorRole}`)}</span>}
            </p>
            <p className="text-sm text-ink-600">
              {t("officer.timeline.serverAt", { at: formatDateTimeSeconds(e.serverAt) })}
              {e.deviceAt &&
                formatDateTimeSeconds(e.deviceAt) !== formatDateTimeSeconds(e.serverAt) &&
                ` · ${t("officer.timeline.deviceAt", { at: formatDateTimeSeconds(e.deviceAt) })}`}
            </p>
            {e.fromStatus !== e.toStatus && (
              <p className="text-sm">
                {e.fromStatus ? `${t(`status.${e.fromStatus}`)} → ` : ""}
                {t(`status.${e.toStatus}`)}
              </p>
            )}
            {toStep && <p className="text-sm">{t("officer.timeline.toStep", { step: toStep })}</p>}
            {typeof p.assigneeId === "string" && ASSIGNING_ACTIONS.has(e.action) && <p className="text-sm">{t("officer.timeline.assignee", { name: names.get(p.assigneeId) ?? "—" })}</p>}
            {Array.isArray(p.items) && p.items.length > 0 && (
              <ul className="list-disc pl-5 text-sm">
                {p.items.filter((x): x is string => typeof x === "string").map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
            {typeof p.newDueAt === "string" && <p className="text-sm">{t("officer.timeline.newDueAt", { at: formatDateTime(new Date(p.newDueAt)) })}</p>}
            {typeof p.amount === "number" && <p className="text-sm">{t("officer.timeline.amount", { amount: `${formatNumber(p.amount, locale)} ₫` })}</p>}
            {typeof p.resultNumber === "string" && <p className="text-sm">{t("officer.timeline.resultNumber", { number: p.resultNumber })}</p>}
            {typeof p.method === "string" && (p.method === "AT_DESK" || p.method === "BY_POST") && (
              <p className="text-sm">
                {t(`officer.delivery.${p.method}`)}
                {typeof p.waybill === "string" ? ` · ${t("officer.timeline.waybill", { waybill: p.waybill })}` : ""}
              </p>
            )}
            {e.note && <p className="mt-1 rounded bg-paper px-2 py-1 text-sm whitespace-pre-line">{e.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
