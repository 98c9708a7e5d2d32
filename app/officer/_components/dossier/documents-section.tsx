import type { Locale, TFunction } from "~/server/i18n/core";
import { formatBytes, formatDateTime, pickName } from "../../_lib/format";
import type { Attachment, FileLinkOf, SectionProps } from "./types";

/** The procedure's document components, whether each was received, and the files under each. */
export function DocumentsSection({ d, t, locale, fileLink }: SectionProps & { fileLink: FileLinkOf }) {
  const ticked = new Set(Array.isArray(d.formData.intakeChecklist) ? (d.formData.intakeChecklist as unknown[]).filter((x) => typeof x === "string") : []);
  const filesOf = (componentId: string) => d.attachments.filter((a) => a.documentComponentId === componentId);
  const loose = d.attachments.filter((a) => !a.documentComponentId || !d.procedure.components.some((c) => c.id === a.documentComponentId));
  return (
    <div className="space-y-4">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("officer.documents.caption")}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-2">{t("officer.documents.component")}</th>
            <th scope="col" className="py-1 pr-2">{t("officer.documents.copies")}</th>
            <th scope="col" className="py-1">{t("officer.documents.received")}</th>
          </tr>
        </thead>
        <tbody>
          {d.procedure.components.map((c) => {
            const files = filesOf(c.id);
            const present = ticked.has(c.id) || files.length > 0;
            return (
              <tr key={c.id} className="border-b border-line align-top">
                <td className="py-1.5 pr-2">
                  {pickName(locale, c.nameVi, c.nameEn)}
                  {c.required && <span className="ml-1 text-brand-700">({t("officer.documents.required")})</span>}
                  {files.length > 0 && <FileList files={files} t={t} locale={locale} fileLink={fileLink} />}
                </td>
                <td className="py-1.5 pr-2">{(locale === "en" ? (c.copiesEn ?? c.copiesVi) : c.copiesVi) ?? "—"}</td>
                <td className="py-1.5">{present ? `✓ ${t("officer.documents.present")}` : t("officer.documents.absent")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {loose.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("officer.documents.otherFiles")}</h3>
          <FileList files={loose} t={t} locale={locale} fileLink={fileLink} />
        </div>
      )}
    </div>
  );
}

function FileList({ files, t, locale, fileLink }: { files: Attachment[]; t: TFunction; locale: Locale; fileLink: FileLinkOf }) {
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {files.map((f) => {
        const link = fileLink(f);
        return (
          <li key={f.id}>
            {link ? (
              <a href={link.href} target="_blank" rel="noopener" download={link.download} data-cached={link.download ? "true" : undefined} className="font-semibold">
                {f.fileName}
              </a>
            ) : (
              <span className="font-semibold">{f.fileName}</span>
            )}{" "}
            <span className="text-ink-600">
              ({t(`officer.documents.kind.${f.kind}`)} · {f.mimeType} · {formatBytes(f.sizeBytes, locale)} · {formatDateTime(f.createdAt)}
              {link ? "" : ` · ${t("officer.offline.fileOnlineOnly")}`})
            </span>
          </li>
        );
      })}
    </ul>
  );
}
