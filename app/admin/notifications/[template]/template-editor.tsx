"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient, type RouterOutputs } from "~/app/_trpc/react";
import { BUTTON_SECONDARY, callError, describedBy, Field, StatusLine, translateFieldProblem, type CallError } from "../../_components/ui";

type Detail = RouterOutputs["notification"]["template"]["get"];
type Wording = Detail["wordings"][number];
type Preview = RouterOutputs["notification"]["template"]["preview"];

/**
 * The wording rendered by the server with the template's sample values, exactly as a message would
 * go out (an SMS fitted to the gateway), re-asked a moment after typing stops.
 */
function usePreview(input: { template: Detail["template"]; channel: Wording["channel"]; locale: Wording["locale"]; subject: string; body: string }): Preview | null {
  const client = useTRPCClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const { template, channel, locale, subject, body } = input;
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.notification.template.preview
        .query({ template, channel, locale, subject: channel === "SMS" ? null : subject, body })
        .then((p) => {
          if (current) setPreview(p);
        })
        .catch(() => {});
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, template, channel, locale, subject, body]);
  return preview;
}

/** Every wording of a template, each with its own form and a preview rendered as it is typed. */
export function TemplateEditor({ detail, canEdit }: { detail: Detail; canEdit: boolean }) {
  return (
    <div className="space-y-6">
      {detail.wordings.map((w) => (
        <WordingForm key={`${w.channel}-${w.locale}`} detail={detail} wording={w} canEdit={canEdit} />
      ))}
    </div>
  );
}

function WordingForm({ detail, wording, canEdit }: { detail: Detail; wording: Wording; canEdit: boolean }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [subject, setSubject] = useState(wording.subject ?? "");
  const [body, setBody] = useState(wording.body);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);
  const [customised, setCustomised] = useState(wording.customised);
  const id = `${detail.template}-${wording.channel}-${wording.locale}`.replace(/\./g, "-");
  const isSms = wording.channel === "SMS";
  const preview = usePreview({ template: detail.template, channel: wording.channel, locale: wording.locale, subject, body });

  async function save(reset: boolean) {
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const result = await client.notification.template.update.mutate({ template: detail.template, channel: wording.channel, locale: wording.locale, subject: isSms ? null : subject, body, reset });
      // What is now in force (the default again after a reset).
      const now = result.wordings.find((w) => w.channel === wording.channel && w.locale === wording.locale);
      if (now) {
        setSubject(now.subject ?? "");
        setBody(now.body);
        setCustomised(now.customised);
      }
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError(callError(e, t));
    } finally {
      setPending(false);
    }
  }
  const f = error?.fields ?? {};

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={`wording-${wording.channel}-${wording.locale}`}>
      <h2 id={`${id}-title`} className="text-xl text-brand-800">
        {t(`admin.notifications.channels.${wording.channel}`)} · {wording.locale === "vi" ? "Tiếng Việt" : "English"}
        {customised && <span className="ml-2 rounded border border-brand-700 px-2 text-sm">{t("admin.notifications.customised")}</span>}
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
          noValidate
        >
          {error && <StatusLine kind="error">{error.message}</StatusLine>}
          {saved && <StatusLine kind="ok">{t("admin.common.saved")}</StatusLine>}
          {!isSms && (
            <Field id={`${id}-subject`} label={wording.channel === "EMAIL" ? t("admin.notifications.subject") : t("admin.notifications.titleField")} error={f.subject}>
              <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} readOnly={!canEdit} className="field-input" {...describedBy(`${id}-subject`, { error: f.subject })} />
            </Field>
          )}
          <Field id={`${id}-body`} label={t("admin.notifications.body")} error={f.body}>
            <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} readOnly={!canEdit} rows={isSms ? 4 : 10} className="field-input font-mono text-sm" {...describedBy(`${id}-body`, { error: f.body })} />
          </Field>
          {canEdit && (
            <div className="flex flex-wrap gap-3">
              <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending || undefined}>
                {pending ? t("admin.common.saving") : t("admin.common.save")}
              </button>
              {customised && (
                <button type="button" className={BUTTON_SECONDARY} disabled={pending} onClick={() => void save(true)}>
                  {t("admin.notifications.reset")}
                </button>
              )}
            </div>
          )}
        </form>
        <div aria-live="polite">
          <h3 className="font-semibold">{t("admin.notifications.preview")}</h3>
          <div className="mt-2 rounded border border-line bg-stone-50 p-3" data-testid={`preview-${wording.channel}-${wording.locale}`}>
            {!isSms && <p className="font-bold">{preview?.subject}</p>}
            <p className="mt-1 whitespace-pre-line break-words text-sm">{preview?.body}</p>
          </div>
          {preview?.sms && (
            <p className="mt-1 text-sm text-ink-600" data-testid={`sms-length-${wording.locale}`}>
              {t("admin.notifications.smsLength", { units: preview.sms.units, segments: preview.sms.segments })}
            </p>
          )}
          {preview && Object.values(preview.fieldErrors).map((problem) => (
            <p key={problem} className="mt-1 text-sm font-semibold text-brand-700">
              {translateFieldProblem(t, problem)}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}
