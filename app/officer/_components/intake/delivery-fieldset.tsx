"use client";

import { useWatch } from "react-hook-form";
import { useT } from "~/app/_components/i18n-provider";
import { legendClass, radioClass, useIntakeField } from "./use-intake-field";

/** How the result goes back: at the desk, or by post to an address (the applicant's, in one click). */
export function DeliveryFieldset() {
  const t = useT();
  const { register, control, setValue, invalid } = useIntakeField();
  const delivery = useWatch({ control, name: "resultDelivery" });
  const address = useWatch({ control, name: "applicantAddress" }).trim();
  return (
    <fieldset className="card space-y-3">
      <legend className={legendClass}>{t("officer.intake.deliverySection")}</legend>
      {(["AT_DESK", "BY_POST"] as const).map((m) => (
        <label key={m} className={radioClass}>
          <input type="radio" value={m} className="h-5 w-5 accent-brand-700" {...register("resultDelivery")} />
          {t(`officer.delivery.${m}`)}
        </label>
      ))}
      {delivery === "BY_POST" && (
        <div>
          <label htmlFor="intake-delivery-address" className="field-label">
            {t("officer.intake.deliveryAddress")}
          </label>
          <textarea
            id="intake-delivery-address"
            rows={2}
            required
            maxLength={500}
            aria-invalid={invalid("deliveryAddress")}
            className="field-input"
            {...register("deliveryAddress")}
          />
          {address && (
            <button type="button" onClick={() => setValue("deliveryAddress", address)} className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700">
              {t("officer.intake.useApplicantAddress")}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
