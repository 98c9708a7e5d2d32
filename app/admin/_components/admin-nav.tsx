"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { useT } from "~/app/_components/i18n-provider";

export interface AdminNavItem {
  href: string;
  label: string;
}

/** The administration sections: a sidebar on wide screens, a menu button on narrow ones. */
export function AdminNav({ items, title }: { items: AdminNavItem[]; title: string }) {
  const t = useT();
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes the menu on phones.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const listId = useId();
  const isCurrent = (href: string) => (href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`));

  return (
    <nav aria-label={t("admin.nav.label")} className="border-b border-line bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
      <div className="flex items-center justify-between px-4 py-2 md:hidden">
        <span className="font-semibold text-brand-800">{title}</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenAt(open ? null : pathname)}
          className="rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-700"
        >
          {open ? t("admin.nav.closeMenu") : t("admin.nav.openMenu")}
        </button>
      </div>
      <div id={listId} className={`${open ? "block" : "hidden"} px-3 pb-4 md:block md:py-5`}>
        <p className="hidden px-2 text-xs font-bold uppercase tracking-wide text-ink-600 md:block">{title}</p>
        <ul className="mt-1 space-y-0.5">
          {items.map((item) => {
            const current = isCurrent(item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={`block rounded px-2 py-1.5 no-underline ${current ? "bg-brand-700 font-semibold text-white hover:text-white" : "text-ink-900 hover:bg-brand-50"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
