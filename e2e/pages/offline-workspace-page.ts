import { expect, type Locator, type Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import type { Db } from "../../server/db";
import { intakeDossier } from "../../server/modules/dossier/commands/intake-dossier";

/** The officer workspace's offline parts: sync status, action dialogs, outbox and conflicts. */
export class OfflineWorkspacePage {
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId("sync-status");
  }

  /** The service worker controls the page and the first sync has filled the device's copy. */
  async waitUntilReadyOffline(): Promise<void> {
    await this.page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return !!reg.active && !!navigator.serviceWorker.controller;
    }, undefined, { timeout: 30_000 });
    await expect(this.page.getByTestId("sync-last")).toContainText("Đồng bộ lần cuối", { timeout: 30_000 });
  }

  async syncNow(): Promise<void> {
    await this.status.getByRole("button", { name: vi.officer.offline.syncNow }).click();
  }

  /** Opens an action's dialog, fills what it needs and submits it. */
  async takeAction(action: string, fill: { note?: string; amount?: string; item?: string } = {}): Promise<void> {
    await this.page.locator(`button[data-action="${action}"]`).click();
    const dialog = this.page.locator("dialog[open]");
    await expect(dialog).toBeVisible();
    if (fill.amount !== undefined) await dialog.locator("#act-amount").fill(fill.amount);
    if (fill.item !== undefined) await dialog.locator("#supp-item-0").fill(fill.item);
    if (fill.note !== undefined) await dialog.locator("#act-text").fill(fill.note);
    await dialog.locator('button[type="submit"]').click();
    await expect(dialog).toBeHidden();
  }

  outboxEntries(): Locator {
    return this.page.getByTestId("outbox-entry");
  }

  conflicts(): Locator {
    return this.page.getByTestId("conflict");
  }

  /** Names of the officer databases on this browser. */
  async officerDatabases(): Promise<string[]> {
    return this.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("motcua-officer-")));
  }
}

/** A fresh dossier received at the desk of `agencyCode` (status RECEIVED, version 1), through the domain command. */
export async function receiveTestDossier(db: Db, { agencyCode, receptionEmail, applicantName }: { agencyCode: string; receptionEmail: string; applicantName: string }) {
  const agency = await db.agency.findUniqueOrThrow({ where: { code: agencyCode }, select: { id: true } });
  const officer = await db.user.findUniqueOrThrow({ where: { email: receptionEmail }, select: { id: true } });
  const version = await db.procedureVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", channels: { has: 1 }, procedure: { active: true, agencies: { some: { agencyId: agency.id } } } },
    orderBy: { procedure: { code: "asc" } },
    select: { id: true, components: { where: { required: true }, select: { id: true } } },
  });
  const created = await intakeDossier(db, {
    actorUserId: officer.id,
    agencyId: agency.id,
    procedureVersionId: version.id,
    channel: 1,
    applicantName,
    applicantIdNumber: "001190004321",
    checklist: version.components.map((c) => c.id),
    idempotencyKey: `e2e-offline-${applicantName}-${Date.now()}`,
  });
  return { ...created, agencyId: agency.id, officerId: officer.id };
}
