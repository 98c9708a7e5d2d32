// Contracts of the files domain. Isomorphic (the upload slot reads the answer in the browser).
import { z } from "zod";

/** What an upload answers with. */
export const ZUploadedAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mimeType: z.string(),
  documentComponentId: z.string().nullable(),
  /** The draft the file joined (created for the first file of a submission). */
  draftId: z.string().nullable(),
  dossierId: z.string().nullable(),
});
export type TUploadedAttachment = z.infer<typeof ZUploadedAttachmentSchema>;

export const ZUploadErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    reason: z.string().optional(),
    message: z.string(),
  }),
});

/** Headers of a raw-body upload (the browser's XMLHttpRequest path). */
export const UPLOAD_HEADERS = {
  fileName: "x-file-name",
  draftId: "x-draft-id",
  procedureVersionId: "x-procedure-version-id",
  documentComponentId: "x-document-component-id",
  dossierId: "x-dossier-id",
  kind: "x-attachment-kind",
} as const;
