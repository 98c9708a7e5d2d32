"use client";

import { useLocale, useT } from "~/app/_components/i18n-provider";
import { pickName } from "../../_lib/format";
import { hasText, textLabel, textRequired, type ActionPanelDossier, type Transition } from "./action-form";
import { AssigneeField } from "./fields/assignee-field";
import { ExtendDateField } from "./fields/extend-date-field";
import { FeeAmountField } from "./fields/fee-amount-field";
import { ResultNumberField } from "./fields/result-number-field";
import { ReturnResultFields } from "./fields/return-result-fields";
import { SupplementItemsField } from "./fields/supplement-items-field";
import { TextField } from "./fields/text-field";

/** The fields of one action's form: its own (assignee, items, amount, number, return, date), then its text. */
export function ActionFields({ dossier, transition }: { dossier: ActionPanelDossier; transition: Transition }) {
  const t = useT();
  const locale = useLocale();
  const action = transition.action;
  const stepLabel = (order: number | null) => {
    const s = dossier.steps.find((x) => x.order === order);
    return s ? pickName(locale, s.nameVi, s.nameEn) : "";
  };
  const assigneeStep = action === "ASSIGN" ? dossier.currentStepOrder : transition.toStepOrder;

  return (
    <>
      {(action === "ASSIGN" || action === "FORWARD" || action === "APPROVE") && (
        <AssigneeField
          dossierId={dossier.id}
          stepOrder={assigneeStep}
          required={action === "ASSIGN"}
          label={action === "ASSIGN" ? t("officer.act.assignee") : t("officer.act.nextHolder", { step: stepLabel(assigneeStep) })}
        />
      )}
      {action === "REQUEST_SUPPLEMENT" && <SupplementItemsField />}
      {action === "REQUEST_FEE" && <FeeAmountField />}
      {action === "ISSUE_RESULT" && <ResultNumberField />}
      {action === "RETURN_RESULT" && <ReturnResultFields />}
      {action === "EXTEND" && <ExtendDateField dueAt={dossier.dueAt} />}
      {(action === "RECEIVE" || action === "RESUME" || action === "CONFIRM_FEE") && <p>{t(`officer.act.confirm.${action}`)}</p>}
      {hasText(action) && <TextField label={textLabel(t, action)} required={textRequired(transition)} />}
    </>
  );
}
