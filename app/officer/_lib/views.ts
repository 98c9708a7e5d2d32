// The worklists of the workspace, in navigation order: the server's views.
import { WORKLIST_VIEWS, type TWorklistView } from "~/server/modules/dossier/schema";

export { WORKLIST_VIEWS };
export type WorklistView = TWorklistView;

export function isWorklistView(value: string): value is WorklistView {
  return (WORKLIST_VIEWS as readonly string[]).includes(value);
}
