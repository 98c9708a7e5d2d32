// Keeps the officer's offline copy fresh while online: the worklists (mine, the unit's queue, the
// desk's reception queue), the full detail of every dossier in them with the assignee lists its
// actions need, their attachments up to a size budget, and for desk officers the intake kit (codes
// reserved for this device, the calendar, the procedure picker). Runs only in pages.
import type { TDossierDetail, TWorklistItem } from "~/server/modules/dossier/schema";
import { listOutbox } from "./outbox";
import { kvGet, kvSet, type CachedDossier, type CachedMe, type OfficerDb } from "./store";
import type { OfflineClient } from "./transport";

function numberSetting(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Build-time settings (NEXT_PUBLIC_*): how much an officer's device keeps. */
export const OFFLINE_LIMITS = {
  /** Dossiers per worklist view. */
  dossiersPerView: numberSetting(process.env.NEXT_PUBLIC_OFFLINE_MAX_DOSSIERS, 300),
  /** Attachments of cached dossiers, in total (files past the budget open only online). */
  attachmentBudgetBytes: numberSetting(process.env.NEXT_PUBLIC_OFFLINE_ATTACHMENT_BUDGET_MB, 50) * 1024 * 1024,
  /** Codes a desk device holds for offline intake. */
  reservedCodes: numberSetting(process.env.NEXT_PUBLIC_OFFLINE_RESERVED_CODES, 10),
};

const CACHED_VIEWS = ["mine", "queue"] as const;
const DESK_VIEW = "reception" as const;
const ASSIGNING_ACTIONS = new Set(["ASSIGN", "FORWARD", "APPROVE"]);

export interface RefreshReport {
  dossiers: number;
  fetchedDetails: number;
  attachments: number;
  attachmentBytes: number;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

/** Steps whose assignee lists the action forms need: the current step and where the assigning actions lead. */
function assigneeSteps(detail: TDossierDetail): number[] {
  const orders = new Set<number>();
  for (const a of detail.availableActions) {
    if (!ASSIGNING_ACTIONS.has(a.action)) continue;
    const order = a.action === "ASSIGN" ? (detail.currentStep?.order ?? null) : a.toStepOrder;
    if (order !== null) orders.add(order);
  }
  return [...orders];
}

export async function loadDossierIntoCache(db: OfficerDb, client: OfflineClient, dossierId: string): Promise<CachedDossier> {
  const detail = await client.dossier.get.query({ dossierId });
  const assignees: CachedDossier["assignees"] = {};
  await Promise.all(
    assigneeSteps(detail).map(async (stepOrder) => {
      assignees[stepOrder] = await client.dossier.assignees.query({ dossierId, stepOrder });
    }),
  );
  const cached: CachedDossier = { id: dossierId, detail, assignees, syncedAt: new Date() };
  await db.put("dossiers", cached);
  return cached;
}

async function refreshWorklists(db: OfficerDb, client: OfflineClient, me: CachedMe): Promise<Map<string, TWorklistItem>> {
  const views: string[] = [...CACHED_VIEWS];
  if (me.memberships.some((m) => m.role === "RECEPTION_OFFICER")) views.push(DESK_VIEW);
  const byId = new Map<string, TWorklistItem>();
  for (const view of views) {
    const items: TWorklistItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.dossier.worklist.query({
        view: view as (typeof CACHED_VIEWS)[number],
        limit: Math.min(100, OFFLINE_LIMITS.dossiersPerView - items.length),
        ...(cursor ? { cursor } : {}),
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < OFFLINE_LIMITS.dossiersPerView);
    await db.put("worklists", { view, items, syncedAt: new Date() });
    for (const item of items) byId.set(item.id, item);
  }
  return byId;
}

async function refreshAttachments(db: OfficerDb, keep: Set<string>): Promise<{ count: number; bytes: number }> {
  for (const a of await db.getAll("attachments")) if (!keep.has(a.dossierId)) await db.delete("attachments", a.id);
  let bytes = 0;
  let count = 0;
  for (const a of await db.getAll("attachments")) {
    bytes += a.sizeBytes;
    count += 1;
  }
  // Assigned dossiers first: what the officer is most likely to open.
  const dossiers = (await db.getAll("dossiers")).filter((d) => keep.has(d.id));
  const meFirst = (await kvGet(db, "me"))?.id;
  dossiers.sort((a, b) => Number(b.detail.assignee?.id === meFirst) - Number(a.detail.assignee?.id === meFirst));
  for (const d of dossiers) {
    for (const file of d.detail.attachments) {
      if (await db.getKey("attachments", file.id)) continue;
      if (bytes + file.sizeBytes > OFFLINE_LIMITS.attachmentBudgetBytes) continue;
      const response = await fetch(`/api/files/${encodeURIComponent(file.id)}`, { credentials: "same-origin" });
      if (!response.ok) continue;
      const blob = await response.blob();
      await db.put("attachments", { id: file.id, dossierId: d.id, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: blob.size, blob });
      bytes += blob.size;
      count += 1;
    }
  }
  return { count, bytes };
}

async function refreshDesk(db: OfficerDb, client: OfflineClient, me: CachedMe, deviceId: string): Promise<void> {
  const desks = [...new Set(me.memberships.filter((m) => m.role === "RECEPTION_OFFICER").map((m) => m.agencyId))];
  for (const agencyId of desks) {
    const [codes, kit, picker] = await Promise.all([
      client.dossier.reserveCodes.mutate({ agencyId, deviceId, count: Math.max(1, OFFLINE_LIMITS.reservedCodes) }),
      client.dossier.intakeKit.query({ agencyId }),
      client.dossier.procedurePicker.query({ agencyId }),
    ]);
    await kvSet(db, `codes:${agencyId}`, codes);
    await kvSet(db, `kit:${agencyId}`, kit);
    await kvSet(db, `picker:${agencyId}`, picker);
  }
}

/** One full refresh. Throws on the first failure (the last sync time then stays where it was). */
export async function refreshOfflineCache(db: OfficerDb, client: OfflineClient, deviceId: string): Promise<RefreshReport> {
  const full = await client.me.get.query();
  const me: CachedMe = {
    id: full.id,
    name: full.name,
    memberships: full.memberships.map((m) => ({ agencyId: m.agencyId, agencyCode: m.agencyCode, agencyNameVi: m.agencyNameVi, agencyNameEn: m.agencyNameEn, role: m.role })),
  };
  await kvSet(db, "me", me);

  const items = await refreshWorklists(db, client, me);
  const outbox = await listOutbox(db);
  // Dossiers with actions still in the outbox stay, even when they left the worklists.
  const keep = new Set([...items.keys(), ...outbox.filter((e) => e.kind === "act").map((e) => e.dossierId)]);
  const stale: string[] = [];
  for (const id of keep) {
    const cached = await db.get("dossiers", id);
    const listed = items.get(id);
    if (!cached || (listed && listed.version !== cached.detail.version)) stale.push(id);
  }
  let fetched = 0;
  await mapLimit(stale, 4, async (id) => {
    try {
      await loadDossierIntoCache(db, client, id);
      fetched += 1;
    } catch (error) {
      // Out of reach now (moved away, rights lost): only its outbox entries remain, shown as such.
      if ((error as { data?: { appCode?: string } }).data?.appCode === "NOT_FOUND") return;
      throw error;
    }
  });
  for (const key of await db.getAllKeys("dossiers")) if (!keep.has(key)) await db.delete("dossiers", key);

  const files = await refreshAttachments(db, keep);
  await refreshDesk(db, client, me, deviceId);
  await kvSet(db, "lastSyncAt", new Date());
  return { dossiers: keep.size, fetchedDetails: fetched, attachments: files.count, attachmentBytes: files.bytes };
}
