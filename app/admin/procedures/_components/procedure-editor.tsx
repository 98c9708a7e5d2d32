"use client";

// A procedure version's content: general rules (names, limit, fee, channels, validity), the ordered
// steps with their role and time allowance, the document components and the e-form. Saving creates
// a procedure (version 1) or publishes a new version; nothing here edits a version in place.
// One section per component; the state and every change to it are editor-state.ts's reducer.
import { useRouter } from "next/navigation";
import { useMemo, useReducer } from "react";
import { useT } from "~/app/_components/i18n-provider";
import { useTRPCClient } from "~/app/_trpc/react";
import { checkProcedureContent } from "~/server/modules/admin/content";
import { callError } from "../../_components/ui";
import { ComponentsSection } from "./components-section";
import { editorErrors, editorReducer, fromLocalInput, initialEditorState, type EditorContent, type EditorTarget } from "./editor-state";
import { EformSection } from "./eform-section";
import { GeneralSection } from "./general-section";
import { IdentitySection } from "./identity-section";
import { PublishBar } from "./publish-bar";
import { StepsSection } from "./steps-section";


export function ProcedureEditor({ initial, target }: { initial: EditorContent; target: EditorTarget }) {
  const t = useT();
  const client = useTRPCClient();
  const router = useRouter();
  const [state, dispatch] = useReducer(editorReducer, { initial, target }, initialEditorState);
  const c = state.content;

  const local = useMemo(() => checkProcedureContent({ formSchema: c.formSchema, steps: c.steps, limitValue: c.limitValue, limitUnit: c.limitUnit }), [c.formSchema, c.steps, c.limitValue, c.limitUnit]);
  const errors = editorErrors(state.error);

  async function save() {
    const validFrom = fromLocalInput(state.validFromText);
    const validTo = state.validToText ? fromLocalInput(state.validToText) : null;
    if (!validFrom) return dispatch({ type: "saveFailed", error: { message: t("admin.procedures.validFromRequired"), fields: {}, appCode: null, details: null } });
    const content = { ...c, validFrom, validTo, channels: c.channels as (1 | 2 | 3)[] };
    dispatch({ type: "saveStarted" });
    try {
      if (target.mode === "create") {
        const created = await client.admin.procedure.create.mutate({ ...state.identity, content });
        router.push(`/admin/procedures/${created.id}?saved=created`);
      } else {
        const created = await client.admin.procedure.createVersion.mutate({ procedureId: target.procedureId!, basedOnVersionId: target.basedOnVersionId!, content });
        router.push(`/admin/procedures/${target.procedureId}?saved=${created.version}`);
      }
    } catch (e) {
      dispatch({ type: "saveFailed", error: callError(e, t) });
    }
  }

  return (
    // Not a <form>: the e-form preview inside is one (a form cannot hold another).
    <div className="space-y-6" data-testid="procedure-editor">
      {target.mode === "create" && <IdentitySection identity={state.identity} target={target} errors={errors} dispatch={dispatch} />}
      <GeneralSection content={c} validity={state} target={target} errors={errors} dispatch={dispatch} />
      <StepsSection content={c} localProblem={local.errors.steps} errors={errors} dispatch={dispatch} />
      <ComponentsSection components={c.components} errors={errors} dispatch={dispatch} />
      <EformSection formSchema={c.formSchema} errors={errors} dispatch={dispatch} />
      <PublishBar target={target} error={state.error} pending={state.pending} blocked={Object.keys(local.errors).length > 0} onPublish={() => void save()} />
    </div>
  );
}
