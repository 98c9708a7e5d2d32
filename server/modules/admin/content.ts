// Checks on a procedure version's content beyond its zod shape: the e-form schema as the citizen
// portal will read it, the steps as the workflow will run them, and step allowances that fit the
// legal limit. Pure: the procedure editor shows the same problems before saving.
import { stepProblems } from "../dossier/workflow";
import { parseFormSchema, type TFormSchema } from "../eform/format";
import type { TProcedureContentParsed, TStepInput } from "./schema";

/** One working day is eight working hours (DOMAIN.md › Deadlines). */
export const HOURS_PER_WORKING_DAY = 8;

function hoursOf(value: number, unit: "WORKING_DAY" | "WORKING_HOUR"): number {
  return unit === "WORKING_DAY" ? value * HOURS_PER_WORKING_DAY : value;
}

/** Sum of the steps' allowances, in working hours. */
export function allowanceHours(steps: readonly Pick<TStepInput, "allowanceValue" | "allowanceUnit">[]): number {
  return steps.reduce((sum, s) => sum + hoursOf(s.allowanceValue, s.allowanceUnit), 0);
}

interface ContentCheck {
  /** field → problem, empty when the content can be saved. */
  errors: Record<string, string>;
  formSchema: TFormSchema | null;
}

export function checkProcedureContent(content: Pick<TProcedureContentParsed, "formSchema" | "steps" | "limitValue" | "limitUnit">): ContentCheck {
  const errors: Record<string, string> = {};
  let formSchema: TFormSchema | null = null;
  try {
    formSchema = parseFormSchema(content.formSchema);
  } catch (error) {
    errors.formSchema = (error as Error).message;
  }
  const problems = stepProblems(content.steps.map((s, i) => ({ order: i + 1, kind: s.kind, role: s.role })));
  if (problems.length > 0) errors.steps = problems.join("; ");
  // A plan longer than the legal limit makes every dossier late by design.
  else if (allowanceHours(content.steps) > hoursOf(content.limitValue, content.limitUnit)) errors.steps = "ALLOWANCE_EXCEEDS_LIMIT";
  return { errors, formSchema };
}
