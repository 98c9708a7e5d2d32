// The submission form's sections, in page order: applicant, agency, the procedure's e-form, documents,
// delivery of the result, and the submit / save buttons. Server components: the form works without
// JavaScript (FormEnhancer only adds checks in the browser).
import type { ReactNode } from "react";
import { AddressInputs, EformFields, RequiredMark, type EformContext } from "~/app/_components/eform/fields";
import { UploadSlot } from "~/app/_components/eform/upload-slot";
import type { Locale, TFunction } from "~/server/i18n/core";
import { inputId } from "~/server/modules/eform/form-data";
import { APPLICANT_FORM, DELIVERY_ADDRESS_NAME, type TDraftAttachment, type TDraftData } from "~/server/modules/submission/schema";
import { agencyLabel, type SubmissionTarget } from "./view";

type Values = TDraftData;
type Errors = Record<string, string>;
interface I18n {
  t: TFunction;
  locale: Locale;
}

function FormSection({ name, title, id, children }: { name: string; title: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} className="card mb-6" aria-labelledby={`section-${name}`}>
      <h2 id={`section-${name}`} className="mb-4 text-xl text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ApplicantSection({ ctx, prefilled, t }: { ctx: EformContext; prefilled: boolean; t: TFunction }) {
  return (
    <FormSection name="applicant" title={t("submission.sectionApplicant")}>
      {prefilled && <p className="field-hint mb-4">{t("submission.prefilled")}</p>}
      <EformFields fields={APPLICANT_FORM.fields} ctx={ctx} />
    </FormSection>
  );
}

/** The receiving agency: fixed when only one offers the procedure, else a required choice. */
export function AgencySection({ target, values, errors, summaryLabel, t, locale }: I18n & { target: SubmissionTarget; values: Values; errors: Errors; summaryLabel: string | undefined }) {
  const agencyName = (a: SubmissionTarget["agencies"][number]) => {
    const name = locale === "en" ? a.nameEn : a.nameVi;
    return a.trainingMode ? t("submission.agencyTraining", { name }) : name;
  };
  const id = inputId("agencyId");
  return (
    <FormSection name="agency" title={t("submission.sectionAgency")}>
      {target.agencies.length === 1 ? (
        <>
          <p>{t("submission.agencyFixed", { agency: agencyName(target.agencies[0]!) })}</p>
          <input type="hidden" name="agencyId" value={target.agencies[0]!.id} />
        </>
      ) : (
        <div data-field="agencyId">
          <label htmlFor={id} className="field-label">
            {agencyLabel(target, t)}
            <RequiredMark t={t} />
          </label>
          <span id={`${id}-hint`} className="field-hint">
            {target.acrossBoundary ? t("submission.agencyHelpAcross") : t("submission.agencyHelp")}
          </span>
          <select
            id={id}
            name="agencyId"
            defaultValue={values.agencyId ?? ""}
            required
            aria-describedby={`${id}-hint ${id}-error`}
            aria-invalid={errors.agencyId ? true : undefined}
            data-label={summaryLabel}
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
          <p id={`${id}-error`} className="mt-1 font-semibold text-brand-700 empty:hidden" data-error-for="agencyId">
            {errors.agencyId}
          </p>
        </div>
      )}
    </FormSection>
  );
}

/** The procedure's own e-form. */
export function FormFieldsSection({ target, ctx, t }: { target: SubmissionTarget; ctx: EformContext; t: TFunction }) {
  return (
    <FormSection name="form" title={t("submission.sectionForm")}>
      {target.formSchema.fields.length === 0 ? <p>{t("submission.noFormFields")}</p> : <EformFields fields={target.formSchema.fields} ctx={ctx} />}
    </FormSection>
  );
}

/** One upload slot per document component, holding the draft's file if it has one. */
export function DocumentsSection({ target, attachments, errors, t, locale }: I18n & { target: SubmissionTarget; attachments: TDraftAttachment[]; errors: Errors }) {
  const attachmentFor = new Map(attachments.map((a) => [a.documentComponentId, a]));
  return (
    <FormSection id="documents" name="documents" title={t("submission.sectionDocuments")}>
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
    </FormSection>
  );
}

/** At the desk or by post; by post, the address (checked by the server only then). */
export function DeliverySection({ values, errors, t }: { values: Values; errors: Errors; t: TFunction }) {
  const delivery = values.resultDelivery === "BY_POST" ? "BY_POST" : "AT_DESK";
  return (
    <FormSection name="delivery" title={t("submission.sectionDelivery")}>
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
    </FormSection>
  );
}

/** Submit (checked by the browser, then the server) or save the draft as it is. */
export function SubmitSection({ t }: { t: TFunction }) {
  return (
    <FormSection name="submit" title={t("submission.sectionSubmit")}>
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
    </FormSection>
  );
}
