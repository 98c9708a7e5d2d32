// The submission page's top: the procedure it files, why it cannot be filed here (an officer's
// account, a procedure not offered online), and the notices after a save or a refused post.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale, TFunction } from "~/server/i18n/core";
import { formatTime, type SubmissionTarget } from "./view";

export function SubmissionHeader({ target, t, locale }: { target: SubmissionTarget; t: TFunction; locale: Locale }) {
  const procedureName = locale === "en" ? target.nameEn : target.nameVi;
  const limit =
    target.limitUnit === "WORKING_DAY" ? t("submission.limitDays", { count: target.limitValue }) : t("submission.limitHours", { count: target.limitValue });
  const feeNote = locale === "en" ? (target.feeNoteEn ?? target.feeNoteVi) : target.feeNoteVi;
  return (
    <header className="mb-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-ink-600">{t("submission.title")}</p>
      <h1 className="text-2xl text-brand-800 sm:text-3xl">{procedureName}</h1>
      <ul className="mt-2 space-y-0.5 text-sm text-ink-600">
        <li>{t("submission.procedureCode", { code: target.procedureCode })}</li>
        <li>{t("submission.limit", { limit })}</li>
        <li>{feeNote ? t("submission.fee", { fee: feeNote }) : t("submission.feeNone")}</li>
      </ul>
      <p className="mt-2 text-sm">
        <Link href={`/procedures/${encodeURIComponent(target.procedureCode)}`}>{t("submission.backToProcedure")}</Link>
      </p>
    </header>
  );
}

/** The page's frame: the header above its content. */
export function SubmissionFrame({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      {header}
      {children}
    </div>
  );
}

/** An officer's account cannot file: sign up as a citizen. */
export function OfficerAccountNotice({ t, self }: { t: TFunction; self: string }) {
  return (
    <div role="alert" className="rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-3">
      <p>{t("submission.officerAccount")}</p>
      <p className="mt-2">
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(self)}`}>{t("submission.signUp")}</Link>
      </p>
    </div>
  );
}

export function NotOnlineNotice({ t }: { t: TFunction }) {
  return (
    <p role="alert" className="rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-3">
      {t("submission.notOnline")}
    </p>
  );
}

/** After a save (or on coming back to a draft), and after a post the server could not take. */
export function SubmissionNotices({
  draft,
  t,
  locale,
  saved,
  resumed,
  notice,
}: {
  draft: { updatedAt: Date } | null;
  t: TFunction;
  locale: Locale;
  saved: boolean;
  /** The draft was picked up without being asked for (no ?draft=, not prefilled). */
  resumed: boolean;
  notice: string | undefined;
}) {
  return (
    <>
      {draft && (saved || resumed) && (
        <p role="status" className="mb-4 rounded border-l-4 border-gold-500 bg-gold-100 px-4 py-2 text-sm" data-testid="draft-status">
          {saved ? t("submission.saved", { time: formatTime(draft.updatedAt, locale) }) : t("submission.resumed", { time: formatTime(draft.updatedAt, locale) })}
        </p>
      )}
      {notice === "draftChanged" && (
        <p role="alert" className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-2">
          {t("submission.draftChanged")}
        </p>
      )}
      {notice === "tooLarge" && (
        <p role="alert" className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-2">
          {t("submission.tooLarge")}
        </p>
      )}
    </>
  );
}
