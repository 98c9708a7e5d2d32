// What stops a draft from being submitted: the e-form and applicant checks of the submission
// validator, and a file in every required document slot. Pure.
import type { MessageVars } from "../../i18n/core";
import { parseFormSchema } from "../eform/format";
import { issueKey } from "../eform/validator";
import type { LoadedDraft } from "./queries";
import { buildSubmissionValidator, ZDraftDataSchema } from "./schema";

export interface TSubmissionIssue {
  /** "applicant.idNumber", "fields.organisation.taxCode", "agencyId", "components.<id>". */
  path: string;
  /** Message key, e.g. "eform.idNumber", "submission.componentRequired". */
  key: string;
  vars: MessageVars;
}

export function checkDraft(draft: LoadedDraft) {
  const version = draft.procedureVersion;
  const validator = buildSubmissionValidator({
    formSchema: parseFormSchema(version.formSchema),
    agencyIds: version.procedure.agencies.map((a) => a.agencyId),
  });
  const data = ZDraftDataSchema.safeParse(draft.formData);
  const result = validator.safeParse(data.success ? data.data : {});
  const issues: TSubmissionIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), ...issueKey(issue) }));
  // One file slot per component: a required one must hold a file.
  const filed = new Set(draft.attachments.map((a) => a.documentComponentId));
  for (const component of version.components) {
    if (component.required && !filed.has(component.id)) {
      issues.push({ path: `components.${component.id}`, key: "submission.componentRequired", vars: { order: component.order } });
    }
  }
  return { issues, submission: result.success ? result.data : null };
}
