"use client";

import { useT } from "~/app/_components/i18n-provider";
import { ROLES, type TRole } from "~/server/modules/admin/schema";
import { roleLabel } from "./ui";

export interface AgencyOption {
  id: string;
  name: string;
}

/** Roles an administrator may grant: only a system administrator makes system administrators. */
export function grantableRoles(isSystemAdmin: boolean): TRole[] {
  return ROLES.filter((r) => isSystemAdmin || r !== "SYSTEM_ADMIN");
}

/** An agency and a role, side by side. */
export function MembershipPicker({
  idPrefix,
  agencies,
  roles,
  value,
  onChange,
}: {
  idPrefix: string;
  agencies: AgencyOption[];
  roles: TRole[];
  value: { agencyId: string; role: TRole };
  onChange: (value: { agencyId: string; role: TRole }) => void;
}) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="min-w-64 flex-1">
        <span className="field-label">{t("admin.users.agency")}</span>
        <select id={`${idPrefix}-agency`} value={value.agencyId} onChange={(e) => onChange({ ...value, agencyId: e.target.value })} className="field-input">
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("admin.users.role")}</span>
        <select id={`${idPrefix}-role`} value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as TRole })} className="field-input">
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
