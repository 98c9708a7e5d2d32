import Link from "next/link";
import { getI18n } from "~/server/i18n";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl text-brand-800">{t("errors.notFoundTitle")}</h1>
      <p className="mt-3 text-lg">{t("errors.notFoundLead")}</p>
      <p className="mt-6">
        <Link href="/">{t("common.backHome")}</Link>
      </p>
    </div>
  );
}
