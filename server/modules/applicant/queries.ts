// A citizen's own dossiers, across every procedure and agency: the list on /me and one dossier's
// detail with what the applicant may do with it (answer a supplement request, withdraw).
import type { Db, DbTx, Role } from "../../db";
import { AppError } from "../../errors";
import { normaliseDossierCode } from "../dossier/dossier-code";
import { knownValues } from "../eform/form-data";
import type { TFormSchema } from "../eform/format";
import { loadFullTracking } from "../tracking/queries/views";
import type { TFullTracking, TTimeliness } from "../tracking/schema";
import { timelinessOf } from "../tracking/timeliness";
import { ownerMay, formSchemaOf, uploadSlotsOf } from "./owned-dossier";

// ─── The list ─────────────────────────────────────────────────────────────

const MY_DOSSIERS_PAGE_SIZE = 20;

interface TMyDossierItem {
  code: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  handlingAgency: { vi: string; en: string };
  status: TFullTracking["status"];
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  timeliness: TTimeliness | null;
  isTest: boolean;
  /** The agency waits for the applicant (a supplement request). */
  awaitingApplicant: boolean;
  /** The result was returned and the service not rated yet. */
  canRate: boolean;
}

interface TMyDossierPage {
  items: TMyDossierItem[];
  nextCursor: string | null;
}

function encodeCursor(submittedAt: Date, id: string): string {
  return Buffer.from(`${submittedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const submittedAt = new Date(at ?? "");
  return id && !Number.isNaN(submittedAt.getTime()) ? { submittedAt, id } : null;
}

/** The owner's dossiers, newest first (keyset pages). */
export async function listMyDossiers(
  db: Db,
  input: { ownerId: string; cursor?: string | null; limit?: number },
  { now = new Date() }: { now?: Date } = {},
): Promise<TMyDossierPage> {
  const limit = Math.min(Math.max(input.limit ?? MY_DOSSIERS_PAGE_SIZE, 1), 100);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.dossier.findMany({
    where: {
      ownerId: input.ownerId,
      ...(after
        ? { OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      code: true,
      status: true,
      isTest: true,
      submittedAt: true,
      receivedAt: true,
      dueAt: true,
      pausedAt: true,
      finishedAt: true,
      procedure: { select: { code: true } },
      procedureVersion: { select: { nameVi: true, nameEn: true } },
      handlingAgency: { select: { nameVi: true, nameEn: true } },
      rating: { select: { id: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      code: r.code,
      procedureCode: r.procedure.code,
      procedureName: { vi: r.procedureVersion.nameVi, en: r.procedureVersion.nameEn },
      handlingAgency: { vi: r.handlingAgency.nameVi, en: r.handlingAgency.nameEn },
      status: r.status,
      submittedAt: r.submittedAt,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      timeliness: timelinessOf(r, now),
      isTest: r.isTest,
      awaitingApplicant: r.status === "SUPPLEMENT_REQUESTED",
      canRate: r.status === "RETURNED" && r.rating === null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
  };
}

// ─── One dossier ──────────────────────────────────────────────────────────

export interface TUploadSlot {
  /** null: a file that answers the request as a whole. */
  componentId: string | null;
  name: { vi: string; en: string } | null;
  acceptedTypes: string[];
  maxSizeBytes: number;
}

interface TMyDossier {
  view: TFullTracking;
  dossierId: string;
  /** The version the answer and withdrawal forms act on (a newer one means someone acted meanwhile). */
  version: number;
  isTest: boolean;
  canSupplement: boolean;
  canWithdraw: boolean;
  canRate: boolean;
  /** The e-form, for correcting fields in a supplement answer. */
  formSchema: TFormSchema | null;
  /** The stored e-form values as raw strings, as inputs show them. */
  formValues: Record<string, unknown>;
  uploadSlots: TUploadSlot[];
}

export interface OwnedDossier {
  id: string;
  code: string;
  ownerId: string | null;
  status: TFullTracking["status"];
  version: number;
  isTest: boolean;
  currentStepOrder: number | null;
  dueAt: Date | null;
  formData: unknown;
  procedureVersion: {
    formSchema: unknown;
    steps: Array<{ order: number; kind: "RECEPTION" | "APPRAISAL" | "APPROVAL" | "ISSUANCE" | "RETURN"; role: Role }>;
    components: Array<{ id: string; nameVi: string; nameEn: string; acceptedTypes: string[]; maxSizeBytes: number }>;
  };
}

/** The dossier when `ownerId` owns it; NOT_FOUND otherwise (as if the code did not exist). */
export async function loadOwnedDossier(db: Db | DbTx, { ownerId, code }: { ownerId: string; code: string }): Promise<OwnedDossier> {
  const dossier = await db.dossier.findUnique({
    where: { code: normaliseDossierCode(code) },
    select: {
      id: true,
      code: true,
      ownerId: true,
      status: true,
      version: true,
      isTest: true,
      currentStepOrder: true,
      dueAt: true,
      formData: true,
      procedureVersion: {
        select: {
          formSchema: true,
          steps: { select: { order: true, kind: true, role: true } },
          components: { orderBy: { order: "asc" }, select: { id: true, nameVi: true, nameEn: true, acceptedTypes: true, maxSizeBytes: true } },
        },
      },
    },
  });
  if (!dossier || dossier.ownerId !== ownerId) {
    throw new AppError("NOT_FOUND", { message: `dossier ${code} of user ${ownerId}` });
  }
  return dossier;
}

/** One of the owner's dossiers with what they may do with it. Training dossiers included: they are the owner's own. */
export async function getMyDossier(db: Db, input: { ownerId: string; code: string }, { now = new Date() }: { now?: Date } = {}): Promise<TMyDossier> {
  const owned = await loadOwnedDossier(db, input);
  const full = await loadFullTracking(db, { code: owned.code, includeTest: true }, { now });
  if (!full) throw new AppError("NOT_FOUND", { message: `dossier ${input.code}` });
  const formSchema = formSchemaOf(owned);
  return {
    view: full.view,
    dossierId: owned.id,
    version: owned.version,
    isTest: owned.isTest,
    canSupplement: ownerMay("SUPPLEMENT", owned, now),
    canWithdraw: ownerMay("WITHDRAW", owned, now),
    canRate: owned.status === "RETURNED" && !full.view.rated,
    formSchema,
    formValues: formSchema ? knownValues(owned.formData, formSchema) : {},
    uploadSlots: uploadSlotsOf(owned),
  };
}

