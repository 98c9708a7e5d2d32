// The public procedure catalogue's input and DTOs (isomorphic): the search, its filters, one procedure's page.
import { z } from "zod";
import type { ProcedureLevel } from "../../db";

export type CatalogueLocale = "vi" | "en";

// ─── Fee rule ─────────────────────────────────────────────────────────────

/** ProcedureVersion.fee as stored (schema.prisma) plus "schedule": set from a published fee schedule. */
const ZFeeRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("fixed"), amount: z.number().nonnegative() }),
  z.object({
    kind: z.literal("percent"),
    rate: z.number().positive(),
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("schedule") }),
]);

export type TFeeRule = z.infer<typeof ZFeeRuleSchema>;

/** A stored fee rule, or "schedule" (see the fee note) when it cannot be read. */
export function parseFeeRule(json: unknown): TFeeRule {
  const parsed = ZFeeRuleSchema.safeParse(json);
  return parsed.success ? parsed.data : { kind: "schedule" };
}

// ─── Search ───────────────────────────────────────────────────────────────

const CATALOGUE_PAGE_SIZE = 20;

export const ZCatalogueSearchSchema = z.object({
  q: z.string().max(200).optional(),
  sectorId: z.string().min(1).max(64).optional(),
  level: z.enum(["MINISTRY", "PROVINCE", "COMMUNE"]).optional(),
  agencyId: z.string().min(1).max(64).optional(),
  locale: z.enum(["vi", "en"]).default("vi"),
  /** The code of the last procedure on the previous page. */
  cursor: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).default(CATALOGUE_PAGE_SIZE),
});

export type TCatalogueSearchInput = z.input<typeof ZCatalogueSearchSchema>;

interface TCatalogueItem {
  code: string;
  name: string;
  level: ProcedureLevel;
  sectorCode: string;
  sectorName: string;
  authority: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  onlineLevel: "PARTIAL" | "FULL";
  channels: number[];
  fee: TFeeRule;
  agencyCount: number;
}

export interface TCatalogueResult {
  items: TCatalogueItem[];
  /** Matching procedures in all pages. */
  total: number;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// ─── Filters ──────────────────────────────────────────────────────────────

export interface TCatalogueFilters {
  sectors: Array<{ id: string; code: string; name: string }>;
  agencies: Array<{ id: string; name: string; kind: string }>;
}

// ─── One procedure ────────────────────────────────────────────────────────

export interface TProcedureDetail {
  code: string;
  level: ProcedureLevel;
  sectorCode: string;
  sectorName: string;
  versionId: string;
  version: number;
  name: string;
  authority: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  sameDayCutoff: string | null;
  fee: TFeeRule;
  feeNote: string | null;
  legalBasis: string;
  onlineLevel: "PARTIAL" | "FULL";
  channels: number[];
  acrossBoundary: boolean;
  resultName: string | null;
  validFrom: Date;
  components: Array<{ id: string; order: number; name: string; required: boolean; copies: string | null; templateUrl: string | null }>;
  steps: Array<{ order: number; name: string; allowanceValue: number; allowanceUnit: "WORKING_DAY" | "WORKING_HOUR" }>;
  agencies: Array<{ id: string; code: string; name: string; kind: string; provinceName: string | null; address: string | null; hotline: string | null }>;
}

export interface SectorSummary {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  /** Active procedures in the sector. */
  procedureCount: number;
}
