import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AddressInputs, EformFields, ErrorSummary, RequiredMark, summaryLabels, type EformContext, type SummaryItem } from "~/app/_components/eform/fields";
import { FormEnhancer } from "~/app/_components/eform/form-enhancer";
import { UploadSlot } from "~/app/_components/eform/upload-slot";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { getSessionUser } from "~/server/auth";
import { getI18n, getMessages, pickNamespaces, type MessageKey, type TFunction } from "~/server/i18n";
import { inputId } from "~/server/modules/eform/form-data";
import { fileErrorMessageKey } from "~/server/modules/files/service";
import { AppError } from "~/server/errors";
import { loadSubmissionPage, type TSubmissionPage } from "~/server/modules/submission/page-data";
import {
  APPLICANT_FORM,
  APPLICANT_PREFIX,
  DELIVERY_ADDRESS_NAME,
  FIELDS_PREFIX,
  inputNameOfIssuePath,
} from "~/server/modules/submission/schema";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FORM_ID = "submission-form";

/** Autocomplete tokens for the applicant: phones fill these from the owner's contact card. */
const APPLICANT_AUTOCOMPLETE = { name: "name", dateOfBirth: "bday", phone: "tel", email: "email", address: "street-address", organisationName: "organization" };

const SECTION = "card mb-6";
const SECTION_TITLE = "mb-4 text-xl text-brand-800";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("submission.title"), robots: { index: false } };
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function formatTime(date: Date, locale: "vi" | "en"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(date);
}

/** Translated messages by input name: the server's check after a refused submission, and refused files. */
function errorsOf(page: TSubmissionPage, fileProblems: string[], t: TFunction, locale: "vi" | "en"): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of page.issues) {
    errors[inputNameOfIssuePath(issue.path)] ??= t(issue.key as MessageKey, issue.vars);
  }
  const components = new Map(page.target.components.map((c) => [c.id, c]));
  for (const entry of fileProblems) {
    const [componentId, reason] = entry.split("~");
    const component = componentId ? components.get(componentId) : undefined;
    if (!component || !reason) continue;
    const error = new AppError("VALIDATION", {
      details: { reason, maxBytes: component.maxSizeBytes, accepted: component.acceptedTypes },
    });
    const { key, vars } = fileErrorMessageKey(error, locale);
    errors[`file.${component.id}`] = t(key, vars);
  }
  return errors;
}

/** Summary entries in page order: applicant, agency, fields, documents, delivery. */
function summaryOf(errors: Record<string, string>, labels: Map<string, string>): SummaryItem[] {
  const order = [...labels.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, message]) => ({
    href: name.startsWith("file.") ? `in-file-${name.slice(5)}` : inputId(name),
    label: labels.get(name) ?? "",
    message,
  }));
}

export default async function SubmitPage({ params, searchParams }: Props) {
  const { code } = await params;
  const query = await searchParams;
  const self = `/procedures/${encodeURIComponent(code)}/submit`;
  const session = await getSessionUser();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(self)}`);

  const { locale, t } = await getI18n();
  const draftParam = list(query.draft)[0];
  const page = await loadSubmissionPage({ userId: session.id, procedureCode: decodeURIComponent(code), draftId: draftParam, check: query.check === "1" });
  if (!page) notFound();
  const { target } = page;
  const procedureName = locale === "en" ? target.nameEn : target.nameVi;
  const limit =
    target.limitUnit === "WORKING_DAY" ? t("submission.limitDays", { count: target.limitValue }) : t("submission.limitHours", { count: target.limitValue });
  const feeNote = locale === "en" ? (target.feeNoteEn ?? target.feeNoteVi) : target.feeNoteVi;

  const header = (
    <header className="mb-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-ink-600">{t("submission.title")}</p>
      <h1 className="text-2xl text-brand-800 sm:text-3xl">{procedureName}</h1>
      <ul className="mt-2 space-y-0.5 text-sm text-ink-600">
        <li>{t("submission.procedureCode", { code: target.procedureCode })}</li>
        <li>{t("submission.limit", { limit })}</li>
        <li>{feeNote ? t("submission.fee", { fee: feeNote }) : t("submission.feeNone")}</li>
      </ul>
      <p className="mt-2 text-sm">
        <Link href={`/procedures/${encodeURIComponent(target.procedureCode)}`}>{t("submission.backToProcedure")}</Link>
      </p>
    </header>
  );

  if (page.userKind === "OFFICER") {
    return (
      <div className="mx-auto w-full max-w-3xl px-4 py-8">
        {header}
        <div role="alert" className="rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-3">
          <p>{t("submission.officerAccount")}</p>
          <p className="mt-2">
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(self)}`}>{t("submission.signUp")}</Link>
          </p>
        </div>
      </div>
    );
  }
  if (!target.online) {
    return (
      <div className="mx-auto w-full max-w-3xl px-4 py-8">
        {header}
        <p role="alert" className="rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-3">
          {t("submission.notOnline")}
        </p>
      </div>
    );
  }

  const errors = errorsOf(page, list(query.fe), t, locale);
  const values = page.values;
  const applicantCtx: EformContext = { locale, t, prefix: APPLICANT_PREFIX, values: values.applicant ?? {}, errors, autoComplete: APPLICANT_AUTOCOMPLETE };
  const fieldsCtx: EformContext = { locale, t, prefix: FIELDS_PREFIX, values: values.fields ?? {}, errors };
  const attachmentFor = new Map(page.attachments.map((a) => [a.documentComponentId, a]));
  const agencyName = (a: (typeof target.agencies)[number]) => {
    const name = locale === "en" ? a.nameEn : a.nameVi;
    return a.trainingMode ? t("submission.agencyTraining", { name }) : name;
  };
  const delivery = values.resultDelivery === "BY_POST" ? "BY_POST" : "AT_DESK";

  // Labels for the error summary, by input name (the browser check reads them from data-label).
  const labels = new Map<string, string>([
    ...summaryLabels(APPLICANT_FORM.fields, applicantCtx),
    ["agencyId", target.acrossBoundary ? t("submission.agencyLabelAcross") : t("submission.agencyLabel")],
    ...summaryLabels(target.formSchema.fields, fieldsCtx),
    ...target.components.map((c) => [`file.${c.id}`, `${c.order}. ${locale === "en" ? c.nameEn : c.nameVi}`] as [string, string]),
    ["resultDelivery", t("submission.deliveryLegend")],
    [`${DELIVERY_ADDRESS_NAME}.province`, `${t("submission.deliveryAddressLegend")}: ${t("eform.provinceLabel")}`],
    [`${DELIVERY_ADDRESS_NAME}.commune`, `${t("submission.deliveryAddressLegend")}: ${t("eform.communeLabel")}`],
    [`${DELIVERY_ADDRESS_NAME}.street`, `${t("submission.deliveryAddressLegend")}: ${t("eform.streetLabel")}`],
  ]);
  const summary = summaryOf(errors, labels);
  const notice = list(query.notice)[0];
  const clientMessages = pickNamespaces(getMessages(locale), ["eform", "submission", "errors"]);

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      {header}

      {page.draft && (query.saved === "1" || (!draftParam && !page.prefilled)) && (
        <p role="status" className="mb-4 rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-2 text-sm" data-testid="draft-status">
          {query.saved === "1"
            ? t("submission.saved", { time: formatTime(page.draft.updatedAt, locale) })
            : t("submission.resumed", { time: formatTime(page.draft.updatedAt, locale) })}
        </p>
      )}
      {notice === "draftChanged" && (
        <p role="alert" className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-2">
          {t("submission.draftChanged")}
        </p>
      )}
      {notice === "tooLarge" && (
        <p role="alert" className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-2">
          {t("submission.tooLarge")}
        </p>
      )}
      <ErrorSummary items={summary} t={t} />

      <I18nProvider locale={locale} messages={clientMessages}>
        <form
          id={FORM_ID}
          method="post"
          action={`${self}/save`}
          encType="multipart/form-data"
          data-testid="submission-form"
          aria-label={t("submission.title")}
        >
          {/* The default button: Enter in a text box saves the draft (never adds or removes a row). */}
          <button type="submit" name="intent" value="save" formNoValidate tabIndex={-1} aria-hidden="true" className="sr-only" />
          <input type="hidden" name="draftId" defaultValue={page.draft?.id ?? ""} />
          <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />

          <section className={SECTION} aria-labelledby="section-applicant">
            <h2 id="section-applicant" className={SECTION_TITLE}>
              {t("submission.sectionApplicant")}
            </h2>
            {page.prefilled && <p className="field-hint mb-4">{t("submission.prefilled")}</p>}
            <EformFields fields={APPLICANT_FORM.fields} ctx={applicantCtx} />
          </section>

          <section className={SECTION} aria-labelledby="section-agency">
            <h2 id="section-agency" className={SECTION_TITLE}>
              {t("submission.sectionAgency")}
            </h2>
            {target.agencies.length === 1 ? (
              <>
                <p>{t("submission.agencyFixed", { agency: agencyName(target.agencies[0]!) })}</p>
                <input type="hidden" name="agencyId" value={target.agencies[0]!.id} />
              </>
            ) : (
              <div data-field="agencyId">
                <label htmlFor={inputId("agencyId")} className="field-label">
                  {target.acrossBoundary ? t("submission.agencyLabelAcross") : t("submission.agencyLabel")}
                  <RequiredMark t={t} />
                </label>
                <span id={`${inputId("agencyId")}-hint`} className="field-hint">
                  {target.acrossBoundary ? t("submission.agencyHelpAcross") : t("submission.agencyHelp")}
                </span>
                <select
                  id={inputId("agencyId")}
                  name="agencyId"
                  defaultValue={values.agencyId ?? ""}
                  required
                  aria-describedby={`${inputId("agencyId")}-hint ${inputId("agencyId")}-error`}
                  aria-invalid={errors.agencyId ? true : undefined}
                  data-label={labels.get("agencyId")}
                  data-testid="agency-select"
                  className="field-input aria-[invalid=true]:border-brand-700"
                >
                  <option value="">{t("eform.choose")}</option>
                  {target.agencies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {agencyName(a)}
                    </option>
                  ))}
                </select>
                <p id={`${inputId("agencyId")}-error`} className="mt-1 font-semibold text-brand-700 empty:hidden" data-error-for="agencyId">
                  {errors.agencyId}
                </p>
              </div>
            )}
          </section>

          <section className={SECTION} aria-labelledby="section-form">
            <h2 id="section-form" className={SECTION_TITLE}>
              {t("submission.sectionForm")}
            </h2>
            {target.formSchema.fields.length === 0 ? <p>{t("submission.noFormFields")}</p> : <EformFields fields={target.formSchema.fields} ctx={fieldsCtx} />}
          </section>

          <section id="documents" className={SECTION} aria-labelledby="section-documents">
            <h2 id="section-documents" className={SECTION_TITLE}>
              {t("submission.sectionDocuments")}
            </h2>
            <p className="field-hint mb-4">{t("submission.documentsLead")}</p>
            <noscript>
              <p className="mb-4 text-sm">{t("submission.documentsNoJs")}</p>
            </noscript>
            {target.components.map((c) => {
              const attachment = attachmentFor.get(c.id);
              return (
                <UploadSlot
                  key={c.id}
                  componentId={c.id}
                  order={c.order}
                  label={locale === "en" ? c.nameEn : c.nameVi}
                  copies={locale === "en" ? (c.copiesEn ?? c.copiesVi) : c.copiesVi}
                  templateUrl={c.templateUrl}
                  required={c.required}
                  acceptedTypes={c.acceptedTypes}
                  maxSizeBytes={c.maxSizeBytes}
                  procedureVersionId={target.versionId}
                  attachment={attachment ? { id: attachment.id, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes, mimeType: attachment.mimeType } : null}
                  error={errors[`file.${c.id}`]}
                />
              );
            })}
          </section>

          <section className={SECTION} aria-labelledby="section-delivery">
            <h2 id="section-delivery" className={SECTION_TITLE}>
              {t("submission.sectionDelivery")}
            </h2>
            <fieldset className="mb-4" data-field="resultDelivery" aria-describedby={`${inputId("resultDelivery")}-error`}>
              <legend className="field-label">
                {t("submission.deliveryLegend")}
                <RequiredMark t={t} />
              </legend>
              {(["AT_DESK", "BY_POST"] as const).map((method) => (
                <label key={method} className="mb-2 flex items-start gap-3 rounded border border-line p-3 has-[:checked]:border-brand-700">
                  <input
                    type="radio"
                    name="resultDelivery"
                    value={method}
                    defaultChecked={delivery === method}
                    id={method === "AT_DESK" ? inputId("resultDelivery") : undefined}
                    data-label={t("submission.deliveryLegend")}
                    data-testid={method === "AT_DESK" ? "delivery-at-desk" : "delivery-by-post"}
                    className="mt-1 h-5 w-5 accent-brand-700"
                  />
                  <span>{method === "AT_DESK" ? t("submission.deliveryAtDesk") : t("submission.deliveryByPost")}</span>
                </label>
              ))}
              <p id={`${inputId("resultDelivery")}-error`} className="mt-1 font-semibold text-brand-700 empty:hidden" data-error-for="resultDelivery">
                {errors.resultDelivery}
              </p>
            </fieldset>
            <AddressInputs
              name={DELIVERY_ADDRESS_NAME}
              legend={t("submission.deliveryAddressLegend")}
              required={false}
              nativeRequired={false}
              values={values.deliveryAddress ?? {}}
              errors={errors}
              t={t}
              help={t("submission.deliveryAddressHint")}
              summaryLabel={t("submission.deliveryAddressLegend")}
            />
          </section>

          <section className={SECTION} aria-labelledby="section-submit">
            <h2 id="section-submit" className={SECTION_TITLE}>
              {t("submission.sectionSubmit")}
            </h2>
            <p className="mb-4 text-ink-600">{t("submission.submitHint")}</p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <button type="submit" name="intent" value="submit" className="btn-primary" data-testid="submit-dossier">
                {t("submission.submit")}
              </button>
              <button
                type="submit"
                name="intent"
                value="save"
                formNoValidate
                data-testid="save-draft"
                className="inline-flex items-center justify-center rounded border-2 border-brand-700 bg-white px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50"
              >
                {t("submission.saveDraft")}
              </button>
            </div>
          </section>
        </form>
        <FormEnhancer
          formId={FORM_ID}
          formSchema={target.formSchema}
          agencyIds={target.agencies.map((a) => a.id)}
          requiredComponents={target.components.filter((c) => c.required).map((c) => ({ id: c.id, order: c.order }))}
        />
      </I18nProvider>
    </div>
  );
}
