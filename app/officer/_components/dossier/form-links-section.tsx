import type { TFunction } from "~/server/i18n/core";

/** The standard forms of a dossier (Annex I, 01-06); the server says which apply (standard-forms' applicableForms). */
export type DossierFormNumber = "01" | "02" | "03" | "04" | "05" | "06";

const FORM_KEYS: Record<DossierFormNumber, `officer.forms.f${DossierFormNumber}`> = {
  "01": "officer.forms.f01",
  "02": "officer.forms.f02",
  "03": "officer.forms.f03",
  "04": "officer.forms.f04",
  "05": "officer.forms.f05",
  "06": "officer.forms.f06",
};

/** The standard forms that apply to the dossier now, each a PDF the server makes. */
export function FormLinksSection({ id, forms, t }: { id: string; forms: DossierFormNumber[]; t: TFunction }) {
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
