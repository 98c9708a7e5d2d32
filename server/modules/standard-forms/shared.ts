// Small text helpers shared by the forms.
import type { Labels } from "./labels";

/** "Procedure name (mã thủ tục 1.004473)". */
export function procedureText(procedure: { code?: string | undefined; name: string }, l: Labels): string {
  return procedure.code ? `${procedure.name} (${l.procedureCode} ${procedure.code})` : procedure.name;
}
