"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { selectAgencyAction } from "../_actions";

export interface NavItem {
  href: string;
  label: string;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

export interface AgencyOption {
  id: string;
  name: string;
}

/**
 * The workspace navigation: a sidebar on wide screens, a menu button that opens the same list on
 * phones. Links are named by their text; the current page is marked with aria-current.
 */
export function OfficerNav({
  groups,
  agencies,
  selectedAgencyId,
}: {
  groups: NavGroup[];
  agencies: AgencyOption[];
  selectedAgencyId: string | null;
}) {
  const t = useT();
  const pathname = usePathname();
  // The menu is open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();

  const isCurrent = (href: string) => {
    const path = href.split("?")[0]!;
    return path === "/officer" ? pathname === "/officer" : pathname === path || pathname.startsWith(`${path}/`);
  };

  return (
    <nav aria-label={t("officer.nav.label")} className="border-b border-line bg-white md:w-56 md:shrink-0 md:border-r md:border-b-0">
      <div className="flex items-center justify-between px-4 py-2 md:hidden">
        <span className="font-semibold text-brand-800">{t("officer.title")}</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700"
        >
          {open ? t("officer.nav.closeMenu") : t("officer.nav.openMenu")}
        </button>
      </div>
      <div id={listId} className={`${open ? "block" : "hidden"} space-y-5 px-3 pb-4 md:block md:py-5`}>
        {agencies.length > 1 && <AgencySwitcher agencies={agencies} selectedAgencyId={selectedAgencyId} />}
        {groups.map((group) => (
          <div key={group.label}>
            <p className="px-2 text-xs font-bold uppercase tracking-wide text-ink-600">{group.label}</p>
            <ul className="mt-1 space-y-0.5">
              {group.items.map((item) => {
                const current = isCurrent(item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={current ? "page" : undefined}
                      className={`block rounded px-2 py-1.5 no-underline ${
                        current ? "bg-brand-700 font-semibold text-white hover:text-white" : "text-ink-900 hover:bg-brand-50"
                      }`}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}

function AgencySwitcher({ agencies, selectedAgencyId }: { agencies: AgencyOption[]; selectedAgencyId: string | null }) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      ref={formRef}
      action={async (data) => {
        setPending(true);
        try {
          await selectAgencyAction(data);
        } finally {
          setPending(false);
        }
      }}
      className="rounded border border-line bg-paper p-2"
    >
      <label htmlFor="officer-agency" className="field-label text-sm">
        {t("officer.nav.agency")}
      </label>
      <select
        // React resets a form after its action; a new key shows the choice the server now holds.
        key={selectedAgencyId ?? ""}
        id="officer-agency"
        name="agencyId"
        defaultValue={selectedAgencyId ?? ""}
        onChange={() => formRef.current?.requestSubmit()}
        className="field-input text-sm"
        aria-busy={pending || undefined}
      >
        <option value="">{t("officer.nav.allAgencies")}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-primary mt-2 text-sm">
          {t("officer.nav.applyAgency")}
        </button>
      </noscript>
    </form>
  );
}
