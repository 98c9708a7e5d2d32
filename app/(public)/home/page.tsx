import { trackLookupAction } from "../track/actions";
import { HomeView } from "../_portal/home-view";
import { loadHomeSectors } from "../_portal/home-data";
import { getI18n } from "~/server/i18n";

/**
 * The home page for signed-in visitors, kiosks and the client router: `/` itself is the plain-HTML
 * page (../route.tsx), and next.config.js rewrites these requests here.
 */
export default async function HomePage() {
  const { locale, t } = await getI18n();
  return <HomeView sectors={await loadHomeSectors()} locale={locale} t={t} trackAction={trackLookupAction} />;
}
