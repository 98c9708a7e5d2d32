// Addresses that notifications lead to. The public base URL comes from APP_BASE_URL (else the
// auth URL the app is configured with), because a worker has no request to read a Host from.

export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.APP_BASE_URL || env.NEXTAUTH_URL || env.AUTH_URL || `http://localhost:${env.PORT || 3000}`;
  return base.replace(/\/+$/, "");
}

export const links = {
  tracking: (base: string, code: string) => `${base}/track/${encodeURIComponent(code)}`,
  myDossier: (base: string, code: string) => `${base}/me/dossiers/${encodeURIComponent(code)}`,
  officerDossier: (base: string, dossierId: string) => `${base}/officer/dossiers/${encodeURIComponent(dossierId)}`,
  worklist: (base: string) => `${base}/officer`,
  resetPassword: (base: string, token: string) => `${base}/reset-password?token=${encodeURIComponent(token)}`,
};
