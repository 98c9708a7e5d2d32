import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ErrorSummary, type EformContext } from "~/app/_components/eform/fields";
import { FormEnhancer } from "~/app/_components/eform/form-enhancer";
import { I18nProvider } from "~/app/_components/i18n-provider";
import { getSessionUser } from "~/server/auth";
import { AppError } from "~/server/errors";
import { getI18n, getMessages, pickNamespaces, type Locale, type MessageKey, type TFunction } from "~/server/i18n";
import { fileErrorMessageKey } from "~/server/modules/files/service";
import { loadSubmissionPage, type TSubmissionPage } from "~/server/modules/submission/page-data";
import { APPLICANT_PREFIX, FIELDS_PREFIX, inputNameOfIssuePath } from "~/server/modules/submission/schema";
import { NotOnlineNotice, OfficerAccountNotice, SubmissionFrame, SubmissionHeader, SubmissionNotices } from "./_sections/header";
import { AgencySection, ApplicantSection, DeliverySection, DocumentsSection, FormFieldsSection, SubmitSection } from "./_sections/sections";
import { submissionLabels, summaryOf } from "./_sections/view";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FORM_ID = "submission-form";

/** Autocomplete tokens for the applicant: phones fill these from the owner's contact card. */
const APPLICANT_AUTOCOMPLETE = { name: "name", dateOfBirth: "bday", phone: "tel", email: "email", address: "street-address", organisationName: "organization" };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("submission.title"), robots: { index: false } };
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Translated messages by input name: the server's check after a refused submission, and refused files. */
function errorsOf(page: TSubmissionPage, fileProblems: string[], t: TFunction, locale: Locale): Record<string, string> {
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

/**
 * The online submission form: a plain multipart POST to ./save (works without JavaScript), one
 * section per part of the dossier (_sections/), the server's check of a refused submission shown
 * beside each input and in the summary above.
 */
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
  const header = <SubmissionHeader target={target} t={t} locale={locale} />;

  if (page.userKind === "OFFICER") {
    return (
      <SubmissionFrame header={header}>
        <OfficerAccountNotice t={t} self={self} />
      </SubmissionFrame>
    );
  }
  if (!target.online) {
    return (
      <SubmissionFrame header={header}>
        <NotOnlineNotice t={t} />
      </SubmissionFrame>
    );
  }

  const errors = errorsOf(page, list(query.fe), t, locale);
  const values = page.values;
  const applicantCtx: EformContext = { locale, t, prefix: APPLICANT_PREFIX, values: values.applicant ?? {}, errors, autoComplete: APPLICANT_AUTOCOMPLETE };
  const fieldsCtx: EformContext = { locale, t, prefix: FIELDS_PREFIX, values: values.fields ?? {}, errors };
  const labels = submissionLabels(target, { applicant: applicantCtx, fields: fieldsCtx }, t, locale);
  const clientMessages = pickNamespaces(getMessages(locale), ["eform", "submission", "errors"]);

  return (
    <SubmissionFrame header={header}>
      <SubmissionNotices draft={page.draft} t={t} locale={locale} saved={query.saved === "1"} resumed={!draftParam && !page.prefilled} notice={list(query.notice)[0]} />
      <ErrorSummary items={summaryOf(errors, labels)} t={t} />

      <I18nProvider locale={locale} messages={clientMessages}>
        <form id={FORM_ID} method="post" action={`${self}/save`} encType="multipart/form-data" data-testid="submission-form" aria-label={t("submission.title")}>
          {/* The default button: Enter in a text box saves the draft (never adds or removes a row). */}
          <button type="submit" name="intent" value="save" formNoValidate tabIndex={-1} aria-hidden="true" className="sr-only" />
          <input type="hidden" name="draftId" defaultValue={page.draft?.id ?? ""} />
          <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />

          <ApplicantSection ctx={applicantCtx} prefilled={page.prefilled} t={t} />
          <AgencySection target={target} values={values} errors={errors} summaryLabel={labels.get("agencyId")} t={t} locale={locale} />
          <FormFieldsSection target={target} ctx={fieldsCtx} t={t} />
          <DocumentsSection target={target} attachments={page.attachments} errors={errors} t={t} locale={locale} />
          <DeliverySection values={values} errors={errors} t={t} />
          <SubmitSection t={t} />
        </form>
        <FormEnhancer
          formId={FORM_ID}
          formSchema={target.formSchema}
          agencyIds={target.agencies.map((a) => a.id)}
          requiredComponents={target.components.filter((c) => c.required).map((c) => ({ id: c.id, order: c.order }))}
        />
      </I18nProvider>
    </SubmissionFrame>
  );
}
