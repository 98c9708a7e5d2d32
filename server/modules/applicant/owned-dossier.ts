// What the applicant may do with their own dossier (answer a supplement request, withdraw), and
// what its answer form offers (the e-form to correct, one upload slot per document). Pure.
import { can } from "../dossier/workflow";
import { parseFormSchema, type TFormSchema } from "../eform/format";
import { isSniffedType, SNIFFED_TYPES } from "../files/sniff";
import type { TUploadSlot, OwnedDossier } from "./queries";
import { SUPPLEMENT_FILE_MAX_BYTES } from "./schema";

export function ownerMay(action: "SUPPLEMENT" | "WITHDRAW", d: OwnedDossier, now: Date): boolean {
  return can(action, {
    status: d.status,
    currentStepOrder: d.currentStepOrder,
    steps: d.procedureVersion.steps,
    actorRoles: [],
    actorIsAssignee: false,
    actorIsOwner: true,
    now,
    dueAt: d.dueAt,
  }).ok;
}

export function formSchemaOf(d: OwnedDossier): TFormSchema | null {
  try {
    return parseFormSchema(d.procedureVersion.formSchema);
  } catch {
    return null;
  }
}

/** A general slot plus one per document component, with each one's accepted types and size. */
export function uploadSlotsOf(d: OwnedDossier): TUploadSlot[] {
  return [
    { componentId: null, name: null, acceptedTypes: [...SNIFFED_TYPES], maxSizeBytes: SUPPLEMENT_FILE_MAX_BYTES },
    ...d.procedureVersion.components.map((c) => ({
      componentId: c.id,
      name: { vi: c.nameVi, en: c.nameEn },
      acceptedTypes: c.acceptedTypes.filter(isSniffedType),
      maxSizeBytes: c.maxSizeBytes,
    })),
  ];
}
