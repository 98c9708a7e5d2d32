// The e-form as accessible HTML inputs: one label per input, required marks spoken as words, help
// and errors tied to the input with aria-describedby. No hooks and no client code: it renders on
// the server and works as a plain form post; FormEnhancer (client) adds checks on top.
import { Fragment, type ReactNode } from "react";
import type { Locale, TFunction } from "~/server/i18n/core";
import { inputId, inputName, itemCount, rawValueAt } from "~/server/modules/eform/form-data";
import { fieldHelp, fieldLabel, fieldUnit, itemBounds, type TFormField } from "~/server/modules/eform/format";
import { sortedProvinces } from "~/server/modules/eform/provinces";
import { DATE_MAX, DATE_MIN, EMAIL_PATTERN, ID_NUMBER_PATTERN, PHONE_PATTERN } from "~/server/modules/eform/validator";

export interface EformContext {
  locale: Locale;
  t: TFunction;
  /** Input-name prefix: "f" for the procedure's fields, "a" for the applicant. */
  prefix: string;
  /** Raw values (a draft, or prefilled), nested like the schema. */
  values: unknown;
  /** Input name → translated message. */
  errors: Readonly<Record<string, string>>;
  /** Autocomplete tokens by field key (the applicant's name, phone, ...). */
  autoComplete?: Readonly<Record<string, string>>;
}

const INPUT = "field-input aria-[invalid=true]:border-brand-700 aria-[invalid=true]:bg-brand-50";
const ERROR = "mt-1 font-semibold text-brand-700 empty:hidden";
const SECONDARY_BUTTON =
  "inline-flex items-center justify-center rounded border-2 border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60";

export function RequiredMark({ t }: { t: TFunction }) {
  return (
    <>
      <span aria-hidden="true" className="ml-1 text-brand-700">
        *
      </span>
      <span className="sr-only"> ({t("eform.requiredMark")})</span>
    </>
  );
}

/** The error line of an input: always present (empty when fine) so the browser check can fill it. */
export function FieldError({ id, name, message }: { id: string; name: string; message?: string }) {
  return (
    <p id={id} className={ERROR} data-error-for={name}>
      {message}
    </p>
  );
}

function hints(field: TFormField, ctx: EformContext): string[] {
  const out: string[] = [];
  const help = fieldHelp(field, ctx.locale);
  if (help) out.push(help);
  if (field.type === "number") {
    if (field.min !== undefined && field.max !== undefined) out.push(ctx.t("eform.rangeHint", { min: field.min, max: field.max }));
    else if (field.min !== undefined && field.min !== 0) out.push(ctx.t("eform.minHint", { min: field.min }));
    else if (field.max !== undefined) out.push(ctx.t("eform.maxHint", { max: field.max }));
  }
  if (field.type === "text" && field.multiline && field.maxLength) out.push(ctx.t("eform.maxLengthHint", { max: field.maxLength }));
  return out;
}

interface FieldProps {
  field: TFormField;
  ctx: EformContext;
  /** Path of the field's value inside ctx.values. */
  path: (string | number)[];
  /** Native `required` only where the field is required whatever the rest (not inside optional groups or rows). */
  nativeRequired: boolean;
  /** The label as the error summary names it ("Thành viên — mục 2: Họ tên"). */
  summaryLabel: string;
}

function Shell({ field, ctx, path, summaryLabel, children }: FieldProps & { children: (a: { id: string; name: string; describedBy: string; invalid: boolean }) => ReactNode }) {
  const name = inputName(ctx.prefix, path);
  const id = inputId(name);
  const hintList = hints(field, ctx);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = ctx.errors[name];
  const describedBy = [hintList.length > 0 ? hintId : null, errorId].filter(Boolean).join(" ");
  return (
    <div className="mb-5" data-field={name}>
      <label htmlFor={id} className="field-label" data-summary-label={summaryLabel}>
        {fieldLabel(field, ctx.locale)}
        {field.required && <RequiredMark t={ctx.t} />}
      </label>
      {hintList.length > 0 && (
        <span id={hintId} className="field-hint">
          {hintList.join(" ")}
        </span>
      )}
      {children({ id, name, describedBy, invalid: Boolean(error) })}
      <FieldError id={errorId} name={name} message={error} />
    </div>
  );
}

function TextField(props: FieldProps) {
  const { field, ctx, path, nativeRequired, summaryLabel } = props;
  const value = rawValueAt(ctx.values, path);
  const isId = field.type === "idNumber";
  const pattern = field.pattern ?? (isId ? ID_NUMBER_PATTERN : undefined);
  const kind = pattern === PHONE_PATTERN ? "tel" : pattern === EMAIL_PATTERN ? "email" : "text";
  const auto = ctx.autoComplete?.[field.key];
  return (
    <Shell {...props}>
      {({ id, name, describedBy, invalid }) =>
        field.multiline ? (
          <textarea
            id={id}
            name={name}
            rows={field.maxLength && field.maxLength > 600 ? 5 : 3}
            defaultValue={value}
            required={nativeRequired && field.required}
            maxLength={field.maxLength}
            autoComplete={auto ?? "off"}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            data-label={summaryLabel}
            className={INPUT}
          />
        ) : (
          <input
            id={id}
            name={name}
            type={kind}
            defaultValue={value}
            required={nativeRequired && field.required}
            maxLength={isId && !field.pattern ? 12 : field.maxLength}
            // The browser's own pattern check (no-JS path): the same rule as the validator.
            pattern={pattern ? pattern.replace(/^\^/, "").replace(/\$$/, "") : undefined}
            inputMode={isId ? "numeric" : kind === "tel" ? "tel" : kind === "email" ? "email" : undefined}
            autoComplete={auto ?? (isId ? "off" : undefined)}
            spellCheck={isId || kind !== "text" ? false : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            data-label={summaryLabel}
            className={INPUT}
          />
        )
      }
    </Shell>
  );
}

function NumberField(props: FieldProps) {
  const { field, ctx, path, nativeRequired, summaryLabel } = props;
  const unit = fieldUnit(field, ctx.locale);
  return (
    <Shell {...props}>
      {({ id, name, describedBy, invalid }) => (
        <div className="flex items-center gap-2">
          <input
            id={id}
            name={name}
            type="number"
            step="any"
            inputMode="decimal"
            min={field.min}
            max={field.max}
            defaultValue={rawValueAt(ctx.values, path)}
            required={nativeRequired && field.required}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            data-label={summaryLabel}
            className={`${INPUT} ${unit ? "max-w-xs" : "max-w-sm"}`}
          />
          {unit && <span aria-hidden="true">{unit}</span>}
        </div>
      )}
    </Shell>
  );
}

function DateField(props: FieldProps) {
  const { field, ctx, path, nativeRequired, summaryLabel } = props;
  return (
    <Shell {...props}>
      {({ id, name, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type="date"
          min={DATE_MIN}
          max={DATE_MAX}
          defaultValue={rawValueAt(ctx.values, path)}
          required={nativeRequired && field.required}
          autoComplete={ctx.autoComplete?.[field.key]}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-label={summaryLabel}
          className={`${INPUT} max-w-xs`}
        />
      )}
    </Shell>
  );
}

function SelectField(props: FieldProps) {
  const { field, ctx, path, nativeRequired, summaryLabel } = props;
  return (
    <Shell {...props}>
      {({ id, name, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          defaultValue={rawValueAt(ctx.values, path)}
          required={nativeRequired && field.required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          data-label={summaryLabel}
          className={INPUT}
        >
          <option value="">{ctx.t("eform.choose")}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {fieldLabel(o, ctx.locale)}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/** Province (one of the 34), commune or ward, and street: three inputs under one legend. */
export function AddressInputs({
  name,
  legend,
  required,
  nativeRequired,
  values,
  errors,
  t,
  help,
  summaryLabel,
}: {
  name: string;
  legend: ReactNode;
  required: boolean;
  nativeRequired: boolean;
  values: unknown;
  errors: Readonly<Record<string, string>>;
  t: TFunction;
  help?: string;
  summaryLabel: string;
}) {
  const value = (part: string) => rawValueAt(values, [part]);
  const part = (key: "province" | "commune" | "street") => {
    const partName = `${name}.${key}`;
    const id = inputId(partName);
    return { partName, id, errorId: `${id}-error`, error: errors[partName] };
  };
  const province = part("province");
  const commune = part("commune");
  const street = part("street");
  const helpId = `${inputId(name)}-hint`;
  const labelOf = (key: "provinceLabel" | "communeLabel" | "streetLabel") => `${summaryLabel}: ${t(`eform.${key}`)}`;
  return (
    <fieldset className="mb-5 rounded border border-line p-3" data-field={name} aria-describedby={help ? helpId : undefined}>
      <legend className="px-1 font-semibold">
        {legend}
        {required && <RequiredMark t={t} />}
      </legend>
      {help && (
        <span id={helpId} className="field-hint">
          {help}
        </span>
      )}
      <div className="mb-3">
        <label htmlFor={province.id} className="field-label font-normal" data-summary-label={labelOf("provinceLabel")}>
          {t("eform.provinceLabel")}
        </label>
        <select
          id={province.id}
          name={province.partName}
          defaultValue={value("province")}
          required={nativeRequired}
          aria-describedby={province.errorId}
          aria-invalid={province.error ? true : undefined}
          data-label={labelOf("provinceLabel")}
          className={INPUT}
        >
          <option value="">{t("eform.choose")}</option>
          {sortedProvinces().map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <FieldError id={province.errorId} name={province.partName} message={province.error} />
      </div>
      <div className="mb-3">
        <label htmlFor={commune.id} className="field-label font-normal" data-summary-label={labelOf("communeLabel")}>
          {t("eform.communeLabel")}
        </label>
        <input
          id={commune.id}
          name={commune.partName}
          type="text"
          maxLength={100}
          defaultValue={value("commune")}
          required={nativeRequired}
          aria-describedby={commune.errorId}
          aria-invalid={commune.error ? true : undefined}
          data-label={labelOf("communeLabel")}
          className={INPUT}
        />
        <FieldError id={commune.errorId} name={commune.partName} message={commune.error} />
      </div>
      <div>
        <label htmlFor={street.id} className="field-label font-normal" data-summary-label={labelOf("streetLabel")}>
          {t("eform.streetLabel")}
        </label>
        <input
          id={street.id}
          name={street.partName}
          type="text"
          maxLength={200}
          autoComplete="street-address"
          defaultValue={value("street")}
          required={nativeRequired}
          aria-describedby={street.errorId}
          aria-invalid={street.error ? true : undefined}
          data-label={labelOf("streetLabel")}
          className={INPUT}
        />
        <FieldError id={street.errorId} name={street.partName} message={street.error} />
      </div>
    </fieldset>
  );
}

function AddressField({ field, ctx, path, nativeRequired, summaryLabel }: FieldProps) {
  let values: unknown = ctx.values;
  for (const segment of path) values = values && typeof values === "object" ? (values as Record<string, unknown>)[String(segment)] : undefined;
  return (
    <AddressInputs
      name={inputName(ctx.prefix, path)}
      legend={fieldLabel(field, ctx.locale)}
      required={Boolean(field.required)}
      nativeRequired={nativeRequired && Boolean(field.required)}
      values={values}
      errors={ctx.errors}
      t={ctx.t}
      help={fieldHelp(field, ctx.locale)}
      summaryLabel={summaryLabel}
    />
  );
}

function GroupField({ field, ctx, path, nativeRequired, summaryLabel }: FieldProps) {
  const name = inputName(ctx.prefix, path);
  const help = fieldHelp(field, ctx.locale);
  const helpId = `${inputId(name)}-hint`;
  return (
    <fieldset className="mb-5 rounded border border-line p-3" data-field={name} aria-describedby={help ? helpId : undefined}>
      <legend className="px-1 text-lg font-semibold">
        {fieldLabel(field, ctx.locale)}
        {field.required && <RequiredMark t={ctx.t} />}
      </legend>
      {help && (
        <span id={helpId} className="field-hint">
          {help}
        </span>
      )}
      <EformFields
        fields={field.fields ?? []}
        ctx={ctx}
        path={path}
        nativeRequired={nativeRequired && Boolean(field.required)}
        summaryPrefix={summaryLabel}
      />
    </fieldset>
  );
}

/**
 * A list of rows. Adding and removing rows are form posts (intent addItem / removeItem) that save
 * the draft and come back: it works without JavaScript and nothing typed is lost.
 */
function RepeatableField({ field, ctx, path, summaryLabel }: FieldProps) {
  const name = inputName(ctx.prefix, path);
  const id = inputId(name);
  const { min, max } = itemBounds(field);
  const rows = Math.min(Math.max(itemCount(ctx.values, path), min, 1), max);
  const label = fieldLabel(field, ctx.locale);
  const help = fieldHelp(field, ctx.locale);
  const error = ctx.errors[name];
  return (
    <fieldset
      id={`group-${name.replace(/\./g, "-")}`}
      className="mb-5 rounded border border-line p-3"
      data-field={name}
      aria-describedby={`${id}-hint ${id}-error`}
    >
      <legend className="px-1 text-lg font-semibold" data-summary-label={summaryLabel}>
        {label}
        {field.required && <RequiredMark t={ctx.t} />}
      </legend>
      <span id={`${id}-hint`} className="field-hint">
        {[help, ctx.t("eform.itemsHint", { min, max })].filter(Boolean).join(" ")}
      </span>
      <FieldError id={`${id}-error`} name={name} message={error} />
      <ol className="space-y-3">
        {Array.from({ length: rows }, (_, index) => {
          const itemLabel = ctx.t("eform.itemLegend", { label, number: index + 1 });
          return (
            <li key={index}>
              <fieldset className="rounded border border-dashed border-ink-600/40 p-3">
                <legend className="px-1 font-semibold">{itemLabel}</legend>
                <EformFields fields={field.fields ?? []} ctx={ctx} path={[...path, index]} nativeRequired={false} summaryPrefix={itemLabel} />
                {rows > Math.max(min, 1) && (
                  <button type="submit" name="intent" value={`removeItem:${name}:${index}`} formNoValidate className={SECONDARY_BUTTON}>
                    {ctx.t("eform.removeItem", { number: index + 1 })}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="submit" name="intent" value={`addItem:${name}`} formNoValidate disabled={rows >= max} className={`${SECONDARY_BUTTON} mt-3`}>
        {ctx.t("eform.addItem")}
      </button>
    </fieldset>
  );
}

/** Renders a list of fields (the whole form, or a group's children). */
export function EformFields({
  fields,
  ctx,
  path = [],
  nativeRequired = true,
  summaryPrefix,
}: {
  fields: readonly TFormField[];
  ctx: EformContext;
  path?: (string | number)[];
  nativeRequired?: boolean;
  summaryPrefix?: string;
}) {
  return (
    <>
      {fields.map((field) => {
        const own = fieldLabel(field, ctx.locale);
        const props: FieldProps = {
          field,
          ctx,
          path: [...path, field.key],
          nativeRequired,
          summaryLabel: summaryPrefix ? `${summaryPrefix}: ${own}` : own,
        };
        const rendered = (() => {
          switch (field.type) {
            case "text":
            case "idNumber":
              return <TextField {...props} />;
            case "number":
              return <NumberField {...props} />;
            case "date":
              return <DateField {...props} />;
            case "select":
              return <SelectField {...props} />;
            case "address":
              return <AddressField {...props} />;
            case "group":
              return field.repeatable ? <RepeatableField {...props} /> : <GroupField {...props} />;
          }
        })();
        if (!field.visibleWhen) return <Fragment key={field.key}>{rendered}</Fragment>;
        // Shown whatever the condition without JavaScript (the server ignores it when the condition
        // is false); FormEnhancer hides and shows it as the controlling field changes.
        return (
          <div
            key={field.key}
            data-vw-name={inputName(ctx.prefix, [...path, field.visibleWhen.field])}
            data-vw-equals={String(field.visibleWhen.equals)}
          >
            {rendered}
          </div>
        );
      })}
    </>
  );
}

export interface SummaryItem {
  /** The input's id (the link target). */
  href: string;
  label: string;
  message: string;
}

/**
 * The list of problems at the top of the form, each linking to its input. Always rendered (hidden
 * when empty) so the browser check fills the same element.
 */
export function ErrorSummary({ items, t }: { items: SummaryItem[]; t: TFunction }) {
  return (
    <div
      id="errors"
      tabIndex={-1}
      role={items.length > 0 ? "alert" : undefined}
      hidden={items.length === 0}
      data-testid="error-summary"
      className="mb-6 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 focus:outline-none"
    >
      <h2 className="text-lg text-brand-800" data-summary-title>
        {t("eform.errorSummaryTitle", { count: items.length })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5" data-summary-list>
        {items.map((item) => (
          <li key={item.href}>
            <a href={`#${item.href}`}>
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Input name → the label the error summary shows, for every input EformFields renders. */
export function summaryLabels(fields: readonly TFormField[], ctx: EformContext, path: (string | number)[] = [], prefix?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const field of fields) {
    const own = fieldLabel(field, ctx.locale);
    const label = prefix ? `${prefix}: ${own}` : own;
    const fieldPath = [...path, field.key];
    const name = inputName(ctx.prefix, fieldPath);
    out.set(name, label);
    if (field.type === "address") {
      for (const [part, key] of [["province", "provinceLabel"], ["commune", "communeLabel"], ["street", "streetLabel"]] as const) {
        out.set(`${name}.${part}`, `${label}: ${ctx.t(`eform.${key}`)}`);
      }
    } else if (field.type === "group" && field.repeatable) {
      const { min, max } = itemBounds(field);
      const rows = Math.min(Math.max(itemCount(ctx.values, fieldPath), min, 1), max);
      for (let i = 0; i < rows; i++) {
        const itemLabel = ctx.t("eform.itemLegend", { label: own, number: i + 1 });
        for (const [k, v] of summaryLabels(field.fields ?? [], ctx, [...fieldPath, i], itemLabel)) out.set(k, v);
      }
    } else if (field.type === "group") {
      for (const [k, v] of summaryLabels(field.fields ?? [], ctx, fieldPath, label)) out.set(k, v);
    }
  }
  return out;
}
