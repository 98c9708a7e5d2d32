"use client";

// With JavaScript on, the submission form checks itself before it is sent, with the very
// validator the server applies (buildSubmissionValidator), and shows the translated messages in
// the places the server would. Without JavaScript nothing here runs and the server does the same.
// It renders nothing: the inputs, error lines and the error summary are server-rendered.
import { useEffect } from "react";
import { useT } from "~/app/_components/i18n-provider";
import type { TFunction } from "~/server/i18n/core";
import type { TFormSchema } from "~/server/modules/eform/format";
import { buildSubmissionValidator, draftDataFromForm, inputNameOfIssuePath } from "~/server/modules/submission/schema";
import { ERRORS_EVENT } from "./events";

export interface FormEnhancerProps {
  formId: string;
  formSchema: TFormSchema;
  agencyIds: string[];
  /** Document components that need a file, with their order (for the message). */
  requiredComponents: { id: string; order: number }[];
}

function collectErrors(form: HTMLFormElement, props: FormEnhancerProps, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const validator = buildSubmissionValidator({ formSchema: props.formSchema, agencyIds: props.agencyIds, t });
  const result = validator.safeParse(draftDataFromForm(new FormData(form), props.formSchema));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = inputNameOfIssuePath(issue.path.map(String).join("."));
      errors[name] ??= issue.message;
    }
  }
  for (const component of props.requiredComponents) {
    const slot = form.querySelector<HTMLElement>(`[data-component-id="${CSS.escape(component.id)}"]`);
    if (slot?.dataset.hasFile !== "true") errors[`file.${component.id}`] = t("submission.componentRequired", { order: component.order });
  }
  return errors;
}

/** The input an error names (for aria-invalid and the summary link). */
function inputOf(form: HTMLFormElement, name: string): HTMLElement | null {
  if (name.startsWith("file.")) return form.querySelector<HTMLElement>(`#${CSS.escape(`in-file-${name.slice(5)}`)}`);
  return form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ?? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
}

function show(form: HTMLFormElement, errors: Record<string, string>, t: TFunction, focusSummary: boolean) {
  // Error lines rendered by the server (plain DOM); React-managed ones (upload slots) listen to the event.
  for (const line of form.querySelectorAll<HTMLElement>("[data-error-for]:not([data-managed])")) {
    line.textContent = errors[line.dataset.errorFor ?? ""] ?? "";
  }
  for (const el of form.querySelectorAll<HTMLElement>("[aria-invalid]")) {
    if (!el.closest("[data-managed]") && el.getAttribute("name")) el.removeAttribute("aria-invalid");
  }
  for (const name of Object.keys(errors)) {
    const input = inputOf(form, name);
    if (input && !name.startsWith("file.")) input.setAttribute("aria-invalid", "true");
  }
  form.dispatchEvent(new CustomEvent(ERRORS_EVENT, { detail: errors }));

  const summary = document.getElementById("errors");
  const list = summary?.querySelector("[data-summary-list]");
  const title = summary?.querySelector("[data-summary-title]");
  if (!summary || !list || !title) return;
  const names = Object.keys(errors);
  list.replaceChildren(
    ...names.map((name) => {
      const input = name ? inputOf(form, name) : null;
      const label = input?.dataset.label ?? input?.querySelector("legend")?.textContent ?? "";
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#${input?.id ?? ""}`;
      link.textContent = label ? `${label}: ${errors[name]}` : (errors[name] ?? "");
      item.append(link);
      return item;
    }),
  );
  title.textContent = t("eform.errorSummaryTitle", { count: names.length });
  summary.hidden = names.length === 0;
  if (names.length > 0) summary.setAttribute("role", "alert");
  else summary.removeAttribute("role");
  if (focusSummary && names.length > 0) summary.focus();
}

/** Conditional fields (visibleWhen): shown while their controlling field holds the value. */
function applyVisibility(form: HTMLFormElement) {
  for (const wrapper of form.querySelectorAll<HTMLElement>("[data-vw-name]")) {
    const control = form.elements.namedItem(wrapper.dataset.vwName ?? "");
    const value = control && "value" in control ? String((control as HTMLInputElement | RadioNodeList).value).trim() : "";
    wrapper.hidden = value !== wrapper.dataset.vwEquals;
  }
}

export function FormEnhancer(props: FormEnhancerProps) {
  const t = useT();

  useEffect(() => {
    const form = document.getElementById(props.formId);
    if (!(form instanceof HTMLFormElement)) return;
    // Our messages (translated, in place) rather than the browser's bubbles.
    form.noValidate = true;
    applyVisibility(form);
    let checked = false;

    const onSubmit = (event: SubmitEvent) => {
      const submitter = event.submitter as HTMLButtonElement | null;
      if (submitter?.value !== "submit") return;
      if (form.querySelector('[data-uploading="true"]')) {
        event.preventDefault();
        show(form, { "": t("submission.upload.waitForUploads") }, t, true);
        return;
      }
      const errors = collectErrors(form, props, t);
      checked = true;
      if (Object.keys(errors).length > 0) {
        event.preventDefault();
        show(form, errors, t, true);
        return;
      }
      // Going: say so, and keep a second tap from sending it twice (the key makes it harmless anyway).
      submitter.setAttribute("aria-busy", "true");
      submitter.textContent = t("submission.submitting");
      // After the post has taken the button's value (a disabled button would not be sent).
      setTimeout(() => (submitter.disabled = true), 0);
    };
    // After a first check, corrections clear their messages as the citizen types.
    const onChange = () => {
      applyVisibility(form);
      if (checked) show(form, collectErrors(form, props, t), t, false);
    };
    form.addEventListener("submit", onSubmit);
    form.addEventListener("change", onChange);
    return () => {
      form.removeEventListener("submit", onSubmit);
      form.removeEventListener("change", onChange);
    };
  }, [props, t]);

  return null;
}
