"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "~/app/_actions/auth";
import { useT } from "~/app/_components/i18n-provider";

/**
 * Works without JavaScript: the Server Action runs on a plain form POST and the page re-renders
 * with the returned state. With JavaScript, the same action runs without a full reload.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: SignInState["error"] }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(signInAction, { error: initialError });

  const message =
    state.error === "invalid"
      ? t("auth.invalidCredentials")
      : state.error === "locked"
        ? t("auth.locked", { minutes: state.lockedMinutes ?? 15 })
        : state.error === "rateLimited"
          ? t("auth.rateLimited", { minutes: state.lockedMinutes ?? 15 })
          : state.error === "missing"
            ? t("auth.missingFields")
            : null;

  return (
    <form action={formAction} className="space-y-5">
      {message && (
        <div
          id="sign-in-error"
          role="alert"
          data-testid="sign-in-error"
          className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800"
        >
          {message}
        </div>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div>
        <label htmlFor="identifier" className="field-label">
          {t("auth.identifierLabel")}
        </label>
        <input
          id="identifier"
          name="identifier"
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.identifier ?? ""}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={message ? "sign-in-error" : undefined}
          className="field-input"
        />
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          {t("auth.passwordLabel")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={message ? "sign-in-error" : undefined}
          className="field-input"
        />
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending} aria-busy={pending || undefined}>
        {t("auth.submit")}
      </button>
    </form>
  );
}
