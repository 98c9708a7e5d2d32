"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useT } from "~/app/_components/i18n-provider";
import { useTRPCClient, type RouterOutputs } from "~/app/_trpc/react";
import type { TRole } from "~/server/modules/admin/schema";
import { grantableRoles, MembershipPicker, type AgencyOption } from "../../_components/membership-picker";
import { BUTTON_DANGER, BUTTON_SECONDARY, BUTTON_SMALL, callError, describedBy, Field, roleLabel, StatusLine, type CallError } from "../../_components/ui";

type User = RouterOutputs["admin"]["user"]["get"];

/** One account: its memberships (grant, revoke), activation and password. */
export function UserAdmin({
  user: initial,
  created,
  isSelf,
  isSystemAdmin,
  agencies,
}: {
  user: User;
  created: boolean;
  isSelf: boolean;
  isSystemAdmin: boolean;
  agencies: AgencyOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const client = useTRPCClient();
  const router = useRouter();
  const [user, setUser] = useState(initial);
  const [notice, setNotice] = useState<string | null>(created ? t("admin.users.createdNotice") : null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [grant, setGrant] = useState<{ agencyId: string; role: TRole }>({ agencyId: agencies[0]?.id ?? "", role: "SPECIALIST" });
  const [password, setPassword] = useState("");

  async function run(key: string, call: () => Promise<User>, done: string) {
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      setUser(await call());
      setNotice(done);
      router.refresh();
    } catch (e) {
      setError(callError(e, t));
    } finally {
      setBusy(null);
    }
  }

  const active = user.memberships.filter((m) => m.active);
  const revoked = user.memberships.filter((m) => !m.active);
  const f = error?.fields ?? {};

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl text-brand-800">{user.name}</h1>
        <p className="text-ink-600">
          {t(`admin.users.kind${user.kind}`)} · {user.email ?? user.phone ?? "—"}
          {" · "}
          {user.active ? t("admin.users.active") : <strong className="text-brand-800">{t("admin.users.deactivated")}</strong>}
        </p>
        <p className="text-sm text-ink-600">
          {user.lastSignInAt ? t("admin.users.lastSignIn", { at: user.lastSignInAt.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) }) : t("admin.users.neverSignedIn")}
          {!user.hasPassword && ` · ${t("admin.users.noPassword")}`}
        </p>
      </header>
      <div aria-live="polite">
        {notice && <StatusLine kind="ok">{notice}</StatusLine>}
        {error && <StatusLine kind="error">{Object.values(error.fields)[0] ?? error.message}</StatusLine>}
      </div>

      <section className="card" aria-labelledby="memberships-title">
        <h2 id="memberships-title" className="text-xl text-brand-800">
          {t("admin.users.memberships")}
        </h2>
        {active.length === 0 ? (
          <p className="mt-2">{t("admin.users.noMemberships")}</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">{t("admin.users.role")}</th>
                <th scope="col" className="py-1 pr-3">{t("admin.users.agency")}</th>
                <th scope="col" className="py-1"><span className="sr-only">{t("admin.common.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {active.map((m) => (
                <tr key={m.id} className="border-t border-line">
                  <td className="py-1.5 pr-3 font-semibold">{roleLabel(t, m.role)}</td>
                  <td className="py-1.5 pr-3">{locale === "en" ? m.agencyNameEn : m.agencyNameVi}</td>
                  <td className="py-1.5 text-right">
                    <button
                      type="button"
                      className={BUTTON_SMALL}
                      disabled={busy !== null}
                      onClick={() => run(`revoke-${m.id}`, () => client.admin.membership.revoke.mutate({ membershipId: m.id }), t("admin.users.revoked"))}
                      aria-label={t("admin.users.revokeNamed", { role: roleLabel(t, m.role), agency: locale === "en" ? m.agencyNameEn : m.agencyNameVi })}
                    >
                      {t("admin.users.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoked.length > 0 && (
          <p className="mt-2 text-sm text-ink-600">
            {t("admin.users.revokedList")}: {revoked.map((m) => `${roleLabel(t, m.role)} (${locale === "en" ? m.agencyNameEn : m.agencyNameVi})`).join("; ")}
          </p>
        )}
        <form
          className="mt-4 border-t border-line pt-4"
          onSubmit={(e) => {
            e.preventDefault();
            void run("grant", () => client.admin.membership.grant.mutate({ userId: user.id, ...grant }), t("admin.users.granted"));
          }}
        >
          <h3 className="mb-2 font-semibold">{t("admin.users.grantTitle")}</h3>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex-1">
              <MembershipPicker idPrefix="grant" agencies={agencies} roles={grantableRoles(isSystemAdmin)} value={grant} onChange={setGrant} />
            </div>
            <button type="submit" className={BUTTON_SECONDARY} disabled={busy !== null}>
              {t("admin.users.grant")}
            </button>
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title" className="text-xl text-brand-800">
          {t("admin.users.passwordTitle")}
        </h2>
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run("password", () => client.admin.user.setPassword.mutate({ userId: user.id, password }), t("admin.users.passwordSet")).then(() => setPassword(""));
          }}
        >
          <Field id="new-password" label={t("admin.users.newPassword")} hint={t("admin.users.passwordHint")} error={f.password}>
            <div className="flex flex-wrap gap-3">
              <input
                id="new-password"
                type="text"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                className="field-input max-w-sm font-mono"
                autoComplete="new-password"
                {...describedBy("new-password", { hint: true, error: f.password })}
              />
              <button type="submit" className={BUTTON_SECONDARY} disabled={busy !== null || password === ""}>
                {t("admin.users.setPassword")}
              </button>
            </div>
          </Field>
        </form>
      </section>

      {!isSelf && (
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title" className="text-xl text-brand-800">
            {t("admin.users.statusTitle")}
          </h2>
          <p className="mt-1 text-sm text-ink-600">{user.active ? t("admin.users.deactivateHint") : t("admin.users.reactivateHint")}</p>
          <button
            type="button"
            className={`${user.active ? BUTTON_DANGER : BUTTON_SECONDARY} mt-3`}
            disabled={busy !== null}
            data-testid="toggle-active"
            onClick={() => {
              if (user.active && !window.confirm(t("admin.users.deactivateConfirm", { name: user.name }))) return;
              void run(
                "active",
                () => client.admin.user.setActive.mutate({ userId: user.id, active: !user.active }),
                user.active ? t("admin.users.deactivatedNotice") : t("admin.users.reactivatedNotice"),
              );
            }}
          >
            {user.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
          </button>
        </section>
      )}
    </div>
  );
}
