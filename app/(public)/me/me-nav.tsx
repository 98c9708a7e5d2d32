import Link from "next/link";
import type { TFunction } from "~/server/i18n/core";

/** The account's pages; the current one is marked for assistive technology. */
export function MeNav({ t, current }: { t: TFunction; current: "dossiers" | "notifications" | "profile" | null }) {
  const items = [
    { key: "dossiers", href: "/me", label: t("me.navDossiers") },
    { key: "notifications", href: "/me/notifications", label: t("notifications.title") },
    { key: "profile", href: "/me/profile", label: t("me.navProfile") },
  ] as const;
  return (
    <nav aria-label={t("me.nav")} className="border-b border-line">
      <ul className="flex flex-wrap gap-x-2">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={current === item.key ? "page" : undefined}
              className={`inline-block min-h-11 px-3 py-2 font-semibold no-underline ${
                current === item.key ? "border-b-4 border-brand-700 text-brand-800" : "text-ink-600 hover:text-brand-800"
              }`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
