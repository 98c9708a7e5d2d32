import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "~/server/api/caller";
import { getI18n } from "~/server/i18n";
import type { TDossierDetail } from "~/server/modules/dossier/schema";
import { applicableForms } from "~/server/modules/standard-forms/dossier-forms";
import { Notice } from "../../_components/badges";
import { DossierView } from "../../_components/dossier/dossier-view";
import type { FileLinkOf } from "../../_components/dossier/types";
import { getOfficerContext } from "../../_lib/officer";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadDossier(id: string): Promise<TDossierDetail | null> {
  try {
    return await api.dossier.get({ dossierId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const { t } = await getI18n();
  const d = await loadDossier(id).catch(() => null);
  return { title: d ? t("officer.dossier.pageTitle", { code: d.code }) : t("officer.title") };
}

/** Files open through the server's file route (which checks the officer's access). */
const serverFile: FileLinkOf = (a) => ({ href: `/api/files/${a.id}` });

/** One dossier from the server (the same view renders the device's copy offline: app/officer/_offline-shell). */
export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const sp = await searchParams;
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  if (!ctx.isOfficer) return <div className="mx-auto max-w-3xl px-4 py-8"><Notice>{t("auth.officerOnly")}</Notice></div>;
  const d = await loadDossier(id);
  if (!d) notFound();

  const forms = applicableForms(d);
  const justCreated = sp.created === "1";

  return (
    <div className="space-y-6 px-4 py-6 md:px-6">
      <p>
        <Link href="/officer/worklist/mine">{t("officer.dossier.backToWorklist")}</Link>
      </p>
      <DossierView
        dossier={d}
        t={t}
        locale={locale}
        // This request's clock: the page renders per request.
        now={new Date()}
        fileLink={serverFile}
        forms={forms}
        notice={
          justCreated && (
            <Notice tone="success">
              <p className="font-semibold">{t("officer.intake.created", { code: d.code })}</p>
              {forms.includes("01") && (
                <p className="mt-1">
                  <a href={`/officer/dossiers/${d.id}/forms/01`} target="_blank" rel="noopener" className="font-semibold">
                    {t("officer.forms.printReceipt")}
                  </a>
                </p>
              )}
            </Notice>
          )
        }
      />
    </div>
  );
}
