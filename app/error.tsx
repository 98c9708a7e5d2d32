"use client";

import Link from "next/link";
import { useT } from "./_components/i18n-provider";

/** Shown when a page fails: a translated message and the digest to quote to support, never the error itself. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <div role="alert">
        <h1 className="text-3xl text-brand-800">{t("errors.errorTitle")}</h1>
        <p className="mt-3 text-lg">{t("errors.errorLead")}</p>
      </div>
      {error.digest && <p className="mt-2 text-sm text-ink-600">{t("errors.errorReference", { digest: error.digest })}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={reset} className="btn-primary">
          {t("common.tryAgain")}
        </button>
        <Link href="/">{t("common.backHome")}</Link>
      </div>
    </div>
  );
}
