"use client";

import { useWatch } from "react-hook-form";
import { useT } from "~/app/_components/i18n-provider";
import { APPLICANT_TYPES } from "./intake-command";
import { TextField } from "./text-field";
import { legendClass, radioClass, useIntakeField } from "./use-intake-field";

/** Who applies: a person, or an organisation and its representative, with their contact details. */
export function ApplicantFieldset() {
  const t = useT();
  const { register, control, invalid } = useIntakeField();
  const applicantType = useWatch({ control, name: "applicantType" });
  return (
    <fieldset className="card space-y-4">
      <legend className={legendClass}>{t("officer.intake.applicantSection")}</legend>
      <fieldset>
        <legend className="field-label">{t("officer.applicant.type")}</legend>
        <div className="flex flex-wrap gap-x-6">
          {APPLICANT_TYPES.map((type) => (
            <label key={type} className={radioClass}>
              <input type="radio" value={type} className="h-5 w-5 accent-brand-700" {...register("applicantType")} />
              {t(`officer.applicantTypes.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {applicantType !== "CITIZEN" && (
        <div className="grid gap-4 md:grid-cols-2">
          <TextField id="intake-org-name" name="organisationName" label={t("officer.applicant.organisation")} required maxLength={300} />
          <TextField
            id="intake-tax-code"
            name="taxCode"
            label={t("officer.applicant.taxCode")}
            hint={t("officer.intake.taxCodeHint")}
            pattern="\d{10}(-\d{3})?"
            inputMode="numeric"
            required={applicantType === "BUSINESS"}
          />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          id="intake-name"
          name="applicantName"
          label={applicantType === "CITIZEN" ? t("officer.applicant.name") : t("officer.intake.representative")}
          required
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          id="intake-id-number"
          name="applicantIdNumber"
          label={t("officer.applicant.idNumber")}
          hint={t("officer.intake.idNumberHint")}
          pattern="[A-Za-z0-9]{6,20}"
          inputMode="numeric"
          maxLength={20}
        />
        <TextField id="intake-dob" name="applicantDateOfBirth" type="date" label={t("officer.applicant.dateOfBirth")} />
        <TextField
          id="intake-phone"
          name="applicantPhone"
          type="tel"
          label={t("officer.applicant.phone")}
          hint={t("officer.intake.phoneHint")}
          pattern="\+?[0-9][0-9 .\-]{6,18}[0-9]"
        />
        <TextField id="intake-email" name="applicantEmail" type="email" label={t("officer.applicant.email")} maxLength={254} />
      </div>
      <div>
        <label htmlFor="intake-address" className="field-label">
          {t("officer.applicant.address")}
        </label>
        <textarea id="intake-address" rows={2} maxLength={500} aria-invalid={invalid("applicantAddress")} className="field-input" {...register("applicantAddress")} />
      </div>
    </fieldset>
  );
}
