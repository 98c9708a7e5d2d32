import type { Metadata } from "next";
import { api } from "~/server/api/caller";
import type { RouterOutputs } from "~/server/api/root";
import { getI18n } from "~/server/i18n";
import { Notice } from "../_components/badges";
import { agencyName, getOfficerContext } from "../_lib/officer";
import { IntakeForm } from "../_components/intake/intake-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("officer.intake.title") };
}

/** Counter intake: the desk files a walk-in (channel 1) or posted (channel 3) dossier, received at once. */
export default async function IntakePage() {
  const { locale, t } = await getI18n();
  const ctx = await getOfficerContext();
  const desks = ctx.agencies.filter((a) => a.roles.includes("RECEPTION_OFFICER"));

  let body: React.ReactNode;
  if (!ctx.isOfficer) body = <Notice>{t("auth.officerOnly")}</Notice>;
  else if (desks.length === 0) body = <Notice>{t("officer.intake.notDesk")}</Notice>;
  else {
    const initialAgencyId = desks.find((a) => a.id === ctx.selectedAgencyId)?.id ?? desks[0]!.id;
    let initialProcedures: RouterOutputs["dossier"]["procedurePicker"] | null = null;
    try {
      initialProcedures = await api.dossier.procedurePicker({ agencyId: initialAgencyId });
    } catch {
      initialProcedures = null; // the client asks again and shows the error
    }
    body = (
      <IntakeForm
        agencies={desks.map((a) => ({ id: a.id, name: agencyName(a, locale) }))}
        initialAgencyId={initialAgencyId}
        initialProcedures={initialProcedures}
      />
    );
  }

  return (
    <div className="space-y-5 px-4 py-6 md:px-6">
      <header>
        <h1 className="text-2xl text-brand-800">{t("officer.intake.title")}</h1>
        <p className="text-ink-600">{t("officer.intake.lead")}</p>
      </header>
      {body}
    </div>
  );
}
