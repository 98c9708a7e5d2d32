// The applicant's e-form answers, labelled by the procedure version's form schema (the format of
// prisma/seed/form-schema.ts: a flat list of fields, groups as the only nesting). The schema is data
// from the database, so it is read defensively: anything unexpected is shown as plain text.
import type { Locale, TFunction } from "~/server/i18n/core";
import { formatDate, formatNumber, pickName } from "../../_lib/format";

interface Option {
  value: string;
  labelVi: string;
  labelEn: string;
}

interface Field {
  key: string;
  type: string;
  labelVi: string;
  labelEn: string;
  unitVi?: string;
  unitEn?: string;
  options?: Option[];
  fields?: Field[];
}

/** formData keys written by the system, not declared by the applicant. */
const SYSTEM_KEYS = new Set(["intakeChecklist"]);

function asFields(value: unknown): Field[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is Field =>
      typeof f === "object" && f !== null && typeof (f as Field).key === "string" && typeof (f as Field).labelVi === "string",
  );
}

export function schemaFields(formSchema: unknown): Field[] {
  return typeof formSchema === "object" && formSchema !== null ? asFields((formSchema as { fields?: unknown }).fields) : [];
}

function display(field: Field, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field.type === "select" && typeof value === "string") {
    const option = field.options?.find((o) => o.value === value);
    return option ? pickName(locale, option.labelVi, option.labelEn) : value;
  }
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value);
    return Number.isNaN(date.getTime()) ? value : formatDate(date);
  }
  if (field.type === "number" && typeof value === "number") {
    const unit = locale === "en" ? (field.unitEn ?? field.unitVi) : field.unitVi;
    return unit ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function FieldList({ fields, data, locale, depth }: { fields: Field[]; data: Record<string, unknown>; locale: Locale; depth: number }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
      {fields.map((field) => {
        const value = data[field.key];
        if (field.type === "group") {
          const nested = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
          return (
            <div key={field.key} className="sm:col-span-2">
              <dt className={`font-semibold ${depth === 0 ? "mt-2 text-brand-800" : ""}`}>{pickName(locale, field.labelVi, field.labelEn)}</dt>
              <dd className="mt-1 border-l-2 border-line pl-4">
                <FieldList fields={asFields(field.fields)} data={nested} locale={locale} depth={depth + 1} />
              </dd>
            </div>
          );
        }
        return (
          <div key={field.key} className="contents">
            <dt className="text-ink-600">{pickName(locale, field.labelVi, field.labelEn)}</dt>
            <dd className="whitespace-pre-line break-words">{display(field, value, locale)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function FormDataView({
  formSchema,
  formData,
  locale,
  t,
}: {
  formSchema: unknown;
  formData: Record<string, unknown>;
  locale: Locale;
  t: TFunction;
}) {
  const fields = schemaFields(formSchema);
  const known = new Set(fields.map((f) => f.key));
  const extra = Object.entries(formData).filter(([k]) => !known.has(k) && !SYSTEM_KEYS.has(k));
  const hasAnswers = fields.some((f) => formData[f.key] !== undefined);
  if (!hasAnswers && extra.length === 0) return <p className="text-ink-600">{t("officer.dossier.noFormData")}</p>;
  return (
    <div className="space-y-4">
      {fields.length > 0 && <FieldList fields={fields} data={formData} locale={locale} depth={0} />}
      {extra.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("officer.dossier.otherFormData")}</h3>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
            {extra.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-sm text-ink-600">{key}</dt>
                <dd className="break-words">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
