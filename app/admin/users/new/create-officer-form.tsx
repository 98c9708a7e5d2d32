"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import type { TRole } from "~/server/modules/admin/schema";
import { grantableRoles, MembershipPicker, type AgencyOption } from "../../_components/membership-picker";
import { BUTTON_SECONDARY, BUTTON_SMALL, callError, describedBy, Field, StatusLine, type CallError } from "../../_components/ui";

/** A new officer account: name, sign-in e-mail, initial password and at least one membership. */
export function CreateOfficerForm({ agencies, isSystemAdmin }: { agencies: AgencyOption[]; isSystemAdmin: boolean }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [password, setPassword] = useState("");
  const first = { agencyId: agencies[0]?.id ?? "", role: "RECEPTION_OFFICER" as TRole };
  const [memberships, setMemberships] = useState([first]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const user = await client.admin.user.create.mutate({ name, email, phone: phone || null, password, memberships });
      router.push(`/admin/users/${user.id}?created=1`);
    } catch (e) {
      setError(callError(e, t));
      setPending(false);
    }
  }

  const f = error?.fields ?? {};
  return (
    <form onSubmit={submit} className="card" noValidate data-testid="create-officer-form">
      {error && <StatusLine kind="error">{error.message}</StatusLine>}
      <Field id="officer-name" label={t("admin.users.name")} error={f.name}>
        <input id="officer-name" value={name} onChange={(e) => setName(e.target.value)} className="field-input" autoComplete="off" required {...describedBy("officer-name", { error: f.name })} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="officer-email" label={t("admin.users.email")} hint={t("admin.users.emailHint")} error={f.email}>
          <input id="officer-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} className="field-input" autoComplete="off" required {...describedBy("officer-email", { hint: true, error: f.email })} />
        </Field>
        <Field id="officer-phone" label={t("admin.users.phone")} error={f.phone}>
          <input id="officer-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} className="field-input" autoComplete="off" {...describedBy("officer-phone", { error: f.phone })} />
        </Field>
      </div>
      <Field id="officer-password" label={t("admin.users.initialPassword")} hint={t("admin.users.passwordHint")} error={f.password}>
        <input id="officer-password" type="text" value={password} onChange={(e) => setPassword(e.target.value)} className="field-input max-w-sm font-mono" autoComplete="new-password" required {...describedBy("officer-password", { hint: true, error: f.password })} />
      </Field>
      <fieldset className="mb-4 rounded border border-line p-3">
        <legend className="px-1 font-semibold">{t("admin.users.memberships")}</legend>
        {f.memberships && <p className="font-semibold text-brand-700">{f.memberships}</p>}
        <ol className="space-y-3">
          {memberships.map((m, i) => (
            <li key={i} className="flex flex-wrap items-end gap-3">
              <div className="flex-1">
                <MembershipPicker
                  idPrefix={`officer-m${i}`}
                  agencies={agencies}
                  roles={grantableRoles(isSystemAdmin)}
                  value={m}
                  onChange={(v) => setMemberships((list) => list.map((x, j) => (j === i ? v : x)))}
                />
              </div>
              {memberships.length > 1 && (
                <button type="button" className={BUTTON_SMALL} onClick={() => setMemberships((list) => list.filter((_, j) => j !== i))}>
                  {t("admin.common.remove")}
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" className={`${BUTTON_SECONDARY} mt-3`} onClick={() => setMemberships((list) => [...list, first])}>
          {t("admin.users.addMembership")}
        </button>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t("admin.common.saving") : t("admin.users.createButton")}
      </button>
    </form>
  );
}
