// The tracking look-up form of the home page, /track and the kiosk: the dossier code, and the
// applicant's ID number (required, optional, or not asked on the kiosk). Hook-free: the plain-HTML
// home page renders it with react-dom/server (app/_plain-html).
//
// POST (the Server Action, or /api/track-lookup on the plain page): the identity number must not
// end up in URLs, logs or browser history.

/** The form's target: the Server Action, or the plain form's URL (app/api/track-lookup). */
export type TrackLookupAction = string | ((formData: FormData) => Promise<void>);

/** Where it sits: the home page's side card, the /track page, the kiosk's large touch screen. */
type Layout = "card" | "page" | "kiosk";

const CLASSES: Record<Layout, { form: string; label: string; hint: string; input: string; button: string }> = {
  card: { form: "space-y-4", label: "field-label", hint: "field-hint", input: "field-input", button: "btn-primary w-full" },
  page: { form: "card mt-6 space-y-5", label: "field-label", hint: "field-hint", input: "field-input", button: "btn-primary min-h-11 w-full sm:w-auto" },
  kiosk: { form: "card space-y-4", label: "field-label text-xl", hint: "field-hint text-base", input: "field-input min-h-14 text-2xl tracking-wide", button: "btn-primary min-h-14 w-full px-8 text-xl sm:w-auto" },
};

export interface TrackLookupFormProps {
  action: TrackLookupAction;
  /** Where the look-up leads: /track/<code> or /kiosk/track/<code>. */
  base: "/track" | "/kiosk/track";
  layout: Layout;
  /** Prefix of the inputs' ids: `${idPrefix}-code`, `${idPrefix}-id`. */
  idPrefix: string;
  ariaLabel?: string;
  labels: { code: string; codeHint: string; idNumber?: string; idNumberHint?: string; submit: string };
  /** Asked and required, asked and optional, or not asked. */
  idNumber: "required" | "optional" | "none";
  defaultCode?: string;
  /** The look-up's refusal shown above the form: its element's id, and the input it is about. */
  refusal?: { id: string; field: "code" | "idNumber" | null } | null;
  submitTestId?: string;
}

export function TrackLookupForm({ action, base, layout, idPrefix, ariaLabel, labels, idNumber, defaultCode, refusal, submitTestId }: TrackLookupFormProps) {
  const css = CLASSES[layout];
  const codeId = `${idPrefix}-code`;
  const idId = `${idPrefix}-id`;
  return (
    <form action={action} {...(typeof action === "string" ? { method: "post" } : {})} aria-label={ariaLabel} className={css.form}>
      <input type="hidden" name="base" value={base} />
      <div>
        <label htmlFor={codeId} className={css.label}>
          {labels.code}
        </label>
        <span id={`${codeId}-hint`} className={css.hint}>
          {labels.codeHint}
        </span>
        <input
          id={codeId}
          name="code"
          type="text"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={60}
          defaultValue={defaultCode ?? ""}
          aria-describedby={refusal ? `${codeId}-hint ${refusal.id}` : `${codeId}-hint`}
          aria-invalid={refusal?.field === "code" ? true : undefined}
          className={css.input}
        />
      </div>
      {idNumber !== "none" && (
        <div>
          <label htmlFor={idId} className={css.label}>
            {labels.idNumber}
          </label>
          {labels.idNumberHint && (
            <span id={`${idId}-hint`} className={css.hint}>
              {labels.idNumberHint}
            </span>
          )}
          <input
            id={idId}
            name="idNumber"
            type="text"
            inputMode="numeric"
            required={idNumber === "required"}
            autoComplete="off"
            maxLength={40}
            aria-describedby={labels.idNumberHint ? `${idId}-hint` : undefined}
            aria-invalid={refusal?.field === "idNumber" ? true : undefined}
            className={css.input}
          />
        </div>
      )}
      <button type="submit" className={css.button} data-testid={submitTestId}>
        {labels.submit}
      </button>
    </form>
  );
}

/** The input a look-up refusal (?error=) is about. */
export function refusedField(error: string | undefined): "code" | "idNumber" | null {
  return error === "notFound" || error === "missingCode" ? "code" : error === "idMismatch" ? "idNumber" : null;
}
