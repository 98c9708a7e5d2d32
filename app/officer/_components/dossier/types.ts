import type { Locale, TFunction } from "~/server/i18n/core";
import type { TDossierDetail } from "~/server/modules/dossier/schema";

/** What every section of the dossier screen is given: the server's DTO and the reader's language. */
export interface SectionProps {
  d: TDossierDetail;
  t: TFunction;
  locale: Locale;
}

export type Attachment = TDossierDetail["attachments"][number];

/**
 * Where a file opens: the server's file route online, the device's copy offline (with the file name
 * to save it under); null when the file is not on the device.
 */
export type FileLinkOf = (attachment: Attachment) => { href: string; download?: string } | null;
