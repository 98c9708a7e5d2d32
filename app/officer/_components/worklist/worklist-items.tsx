"use client";

// THE worklist of the workspace, fed by the server's worklist items (TWorklistItem): a table on
// wide screens, cards on phones. The live worklist (with paging and bulk assignment) and the
// offline shell (from the device's copy) both show their rows with it.
import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import type { TWorklistItem } from "~/server/modules/dossier/schema";
import { formatDate, formatDateTime, formatTime, pickName } from "../../_lib/format";
import { DeadlineBadge, StatusBadge } from "../badges";

export interface WorklistSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: () => void;
}

export function WorklistItems({
  items,
  selection,
  documentLinks = false,
}: {
  items: TWorklistItem[];
  /** Rows can be ticked (bulk assignment). */
  selection?: WorklistSelection;
  /** Plain links (full page loads), which the service worker answers with the offline shell. */
  documentLinks?: boolean;
}) {
  const t = useT();
  const allSelected = !!selection && items.length > 0 && items.every((i) => selection.selected.has(i.id));
  const rowProps = (item: TWorklistItem, index: number): RowProps => ({
    item,
    index,
    documentLinks,
    selected: selection?.selected.has(item.id) ?? false,
    onToggle: selection ? () => selection.toggle(item.id) : undefined,
  });

  return (
    <>
      {/* Wide screens: a table. */}
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-white lg:block" tabIndex={0} role="region" aria-label={t("officer.worklist.tableCaption")}>
        <table className="w-full border-collapse text-left text-sm" data-testid="worklist-table">
          <caption className="sr-only">{t("officer.worklist.tableCaption")}</caption>
          <thead className="bg-paper">
            <tr>
              {selection && (
                <th scope="col" className="w-8 px-2 py-2">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={selection.toggleAll}
                    aria-label={t("officer.worklist.selectAll")}
                    className="h-5 w-5 accent-brand-700"
                  />
                </th>
              )}
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colCode")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colProcedure")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colApplicant")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colStatus")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colStep")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colAssignee")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colReceived")}</th>
              <th scope="col" className="px-2 py-2">{t("officer.worklist.colDue")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <TableRow key={item.id} {...rowProps(item, index)} />
            ))}
          </tbody>
        </table>
      </div>

      {/* Phones: cards. */}
      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="worklist-cards">
        {items.map((item, index) => (
          <Card key={item.id} {...rowProps(item, index)} />
        ))}
      </ul>
    </>
  );
}

interface RowProps {
  item: TWorklistItem;
  index: number;
  documentLinks: boolean;
  selected: boolean;
  /** Present when rows can be ticked. */
  onToggle?: () => void;
}

function DossierLink({ item, index, documentLinks, className, children }: Pick<RowProps, "item" | "index" | "documentLinks"> & { className?: string; children: ReactNode }) {
  const href = `/officer/dossiers/${item.id}`;
  return documentLinks ? (
    <a data-row-index={index} href={href} className={className}>
      {children}
    </a>
  ) : (
    <Link data-row-index={index} href={href} className={className}>
      {children}
    </Link>
  );
}

function TableRow({ item, index, documentLinks, selected, onToggle }: RowProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <tr className={`border-t border-line align-top ${selected ? "bg-gold-100" : ""}`} data-dossier-code={item.code}>
      {onToggle && (
        <td className="px-2 py-2">
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={t("officer.worklist.selectDossier", { code: item.code })}
            className="h-5 w-5 accent-brand-700"
          />
        </td>
      )}
      <td className="px-2 py-2 font-semibold whitespace-nowrap">
        <DossierLink item={item} index={index} documentLinks={documentLinks}>
          {item.code}
        </DossierLink>
      </td>
      <td className="min-w-[9rem] px-2 py-2">
        <span className="block text-xs text-ink-600">{item.procedureCode}</span>
        <span className="line-clamp-2" title={pickName(locale, item.procedureNameVi, item.procedureNameEn)}>{pickName(locale, item.procedureNameVi, item.procedureNameEn)}</span>
      </td>
      <td className="min-w-[8rem] px-2 py-2">{item.applicantName}</td>
      <td className="min-w-[7.5rem] px-2 py-2">
        <StatusBadge status={item.status} t={t} />
      </td>
      <td className="min-w-[6rem] px-2 py-2">{item.currentStepNameVi ? pickName(locale, item.currentStepNameVi, item.currentStepNameEn) : "—"}</td>
      <td className="min-w-[6rem] px-2 py-2">{item.assigneeName ?? <span className="text-ink-600">{t("officer.worklist.unassigned")}</span>}</td>
      <td className="px-2 py-2 whitespace-nowrap">{formatDate(item.receivedAt)}</td>
      <td className="px-2 py-2">
        <span className="block whitespace-nowrap">{formatDate(item.dueAt)}</span>
        {item.dueAt && <span className="block text-xs text-ink-600">{formatTime(item.dueAt)}</span>}
        <DeadlineBadge overdue={item.overdue} dueSoon={item.dueSoon} t={t} />
      </td>
    </tr>
  );
}

function Card({ item, index, documentLinks, selected, onToggle }: RowProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={`card space-y-2 ${selected ? "ring-2 ring-gold-500" : ""}`} data-dossier-code={item.code}>
      <div className="flex items-start justify-between gap-2">
        <DossierLink item={item} index={index} documentLinks={documentLinks} className="font-mono font-semibold break-all">
          {item.code}
        </DossierLink>
        {onToggle && (
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={t("officer.worklist.selectDossier", { code: item.code })}
            className="h-6 w-6 shrink-0 accent-brand-700"
          />
        )}
      </div>
      <p className="text-sm">{pickName(locale, item.procedureNameVi, item.procedureNameEn)}</p>
      <div className="flex flex-wrap gap-2">
        <StatusBadge status={item.status} t={t} />
        <DeadlineBadge overdue={item.overdue} dueSoon={item.dueSoon} t={t} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-ink-600">{t("officer.worklist.colApplicant")}</dt>
        <dd>{item.applicantName}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colStep")}</dt>
        <dd>{item.currentStepNameVi ? pickName(locale, item.currentStepNameVi, item.currentStepNameEn) : "—"}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colAssignee")}</dt>
        <dd>{item.assigneeName ?? t("officer.worklist.unassigned")}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colReceived")}</dt>
        <dd>{formatDate(item.receivedAt)}</dd>
        <dt className="text-ink-600">{t("officer.worklist.colDue")}</dt>
        <dd>{formatDateTime(item.dueAt)}</dd>
      </dl>
    </li>
  );
}
