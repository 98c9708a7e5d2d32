"use client";

// One file slot per document component. Without JavaScript it is a plain file input that rides
// along with the form post. With JavaScript the file is checked here first (size, and type by its
// first bytes, as the server will), then sent at once with XMLHttpRequest so the citizen sees the
// progress on a slow connection; the input then leaves the form post.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { UPLOAD_HEADERS, ZUploadedAttachmentSchema, ZUploadErrorSchema, type TUploadedAttachment } from "~/server/modules/files/schema";
import { acceptAttribute, formatBytes, SNIFF_LENGTH, sniffContentType, typeNames } from "~/server/modules/files/sniff";
import { ERRORS_EVENT } from "./events";
import { RequiredMark } from "./fields";

export interface UploadSlotProps {
  componentId: string;
  order: number;
  label: string;
  copies?: string | null;
  templateUrl?: string | null;
  required: boolean;
  acceptedTypes: string[];
  maxSizeBytes: number;
  procedureVersionId: string;
  attachment: Pick<TUploadedAttachment, "id" | "fileName" | "sizeBytes" | "mimeType"> | null;
  /** A message from the server (a refused file, a missing required document). */
  error?: string;
}

const noSubscription = () => () => {};

type Status = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "done"; name: string };

function draftIdInput(form: HTMLFormElement | null): HTMLInputElement | null {
  const el = form?.elements.namedItem("draftId");
  return el instanceof HTMLInputElement ? el : null;
}

export function UploadSlot(props: UploadSlotProps) {
  const t = useT();
  const locale = useLocale();
  const inputRef = useRef<HTMLInputElement>(null);
  // False on the server and while hydrating (so the markup matches), true once JavaScript runs.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [attachment, setAttachment] = useState(props.attachment);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [error, setError] = useState(props.error ?? "");

  const name = `file.${props.componentId}`;
  const id = `in-file-${props.componentId}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const types = typeNames(props.acceptedTypes);
  const size = formatBytes(props.maxSizeBytes, locale);

  async function upload(file: File) {
    setError("");
    if (file.size === 0) return setError(t("submission.upload.empty"));
    if (file.size > props.maxSizeBytes) return setError(t("submission.upload.tooLarge", { size }));
    const head = new Uint8Array(await file.slice(0, SNIFF_LENGTH).arrayBuffer());
    const type = sniffContentType(head);
    if (!type || !props.acceptedTypes.includes(type)) return setError(t("submission.upload.wrongType", { types }));

    const draft = draftIdInput(inputRef.current?.form ?? null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("Content-Type", type);
    xhr.setRequestHeader(UPLOAD_HEADERS.fileName, encodeURIComponent(file.name));
    xhr.setRequestHeader(UPLOAD_HEADERS.documentComponentId, props.componentId);
    xhr.setRequestHeader(UPLOAD_HEADERS.procedureVersionId, props.procedureVersionId);
    if (draft?.value) xhr.setRequestHeader(UPLOAD_HEADERS.draftId, draft.value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setStatus({ kind: "uploading", percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: a proxy's error page.
      }
      const ok = ZUploadedAttachmentSchema.safeParse(body);
      if (xhr.status === 201 && ok.success) {
        setAttachment(ok.data);
        setStatus({ kind: "done", name: ok.data.fileName });
        // The first file of a submission made the draft: the form's later posts go to it.
        if (draft && ok.data.draftId && !draft.value) draft.value = ok.data.draftId;
        if (inputRef.current) inputRef.current.value = "";
        return;
      }
      setStatus({ kind: "idle" });
      const refused = ZUploadErrorSchema.safeParse(body);
      setError(refused.success ? refused.data.error.message : t("submission.upload.failed"));
    };
    xhr.onerror = () => {
      setStatus({ kind: "idle" });
      setError(navigator.onLine ? t("submission.upload.failed") : t("submission.upload.offline"));
    };
    setStatus({ kind: "uploading", percent: 0 });
    xhr.send(file);
  }

  // The form's check (FormEnhancer) announces its findings; this slot shows its own.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onErrors = (event: Event) => {
      const errors = (event as CustomEvent<Record<string, string>>).detail;
      setError(errors[name] ?? "");
    };
    form.addEventListener(ERRORS_EVENT, onErrors);
    return () => form.removeEventListener(ERRORS_EVENT, onErrors);
  }, [name]);

  useEffect(() => {
    // A file picked before the page finished loading: send it now.
    const picked = inputRef.current?.files?.[0];
    if (picked) void upload(picked);
    // Runs once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function remove(event: React.MouseEvent<HTMLButtonElement>) {
    if (!attachment) return;
    event.preventDefault();
    setError("");
    const response = await fetch(`/api/files/${encodeURIComponent(attachment.id)}`, { method: "DELETE" }).catch(() => null);
    if (response && (response.status === 204 || response.status === 404)) {
      setAttachment(null);
      setStatus({ kind: "idle" });
    } else {
      setError(t("submission.upload.failed"));
    }
  }

  const uploading = status.kind === "uploading";
  return (
    <div
      id={`component-${props.componentId}`}
      className="mb-4 rounded border border-line bg-white p-3"
      data-component-id={props.componentId}
      data-required={props.required ? "true" : "false"}
      data-has-file={attachment ? "true" : "false"}
      data-uploading={uploading ? "true" : "false"}
      data-testid={`upload-${props.order}`}
    >
      <label htmlFor={id} className="field-label" data-summary-label={`${props.order}. ${props.label}`}>
        {props.order}. {props.label}
        {props.required && <RequiredMark t={t} />}
      </label>
      <span id={hintId} className="field-hint">
        {[props.copies ? t("submission.copies", { copies: props.copies }) : null, t("submission.upload.fileHint", { types, size })]
          .filter(Boolean)
          .join(" · ")}
        {props.templateUrl && (
          <>
            {" · "}
            <a href={props.templateUrl}>{t("submission.template")}</a>
          </>
        )}
      </span>
      {attachment && (
        <p className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-semibold">{t("submission.upload.attached")}</span>
          <a href={`/api/files/${encodeURIComponent(attachment.id)}`} target="_blank" rel="noopener" className="break-all">
            {attachment.fileName}
          </a>
          <span className="text-ink-600">({formatBytes(attachment.sizeBytes, locale)})</span>
          <button
            type="submit"
            name="intent"
            value={`removeFile:${attachment.id}`}
            formNoValidate
            onClick={hydrated ? remove : undefined}
            aria-label={t("submission.upload.removeNamed", { name: attachment.fileName })}
            className="rounded border border-brand-700 px-2 py-0.5 font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t("submission.upload.remove")}
          </button>
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        // Once JavaScript runs the file goes up at once, not with the form post.
        name={hydrated ? undefined : name}
        type="file"
        accept={acceptAttribute(props.acceptedTypes)}
        required={props.required && !attachment && !hydrated}
        disabled={uploading}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
        aria-describedby={`${hintId} ${errorId}`}
        aria-invalid={error ? true : undefined}
        data-label={`${props.order}. ${props.label}`}
        className="block w-full text-sm file:mr-3 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-brand-700"
      />
      {attachment && <span className="field-hint mt-1">{t("submission.upload.replaceHint")}</span>}
      <div role="status" aria-live="polite" className="mt-1 text-sm">
        {uploading && (
          <span className="flex items-center gap-2">
            <progress max={100} value={status.percent} className="h-2 w-40" aria-hidden="true" />
            {t("submission.upload.uploading", { percent: status.percent })}
          </span>
        )}
        {status.kind === "done" && t("submission.upload.uploaded", { name: status.name })}
      </div>
      <p id={errorId} className="mt-1 font-semibold text-brand-700 empty:hidden" data-error-for={name} data-managed="react" role={error ? "alert" : undefined}>
        {error}
      </p>
    </div>
  );
}
