// What the offline shell shows for an /officer/… address (the service worker serves the shell for
// every officer page it cannot reach).
export type ShellRoute =
  | { kind: "worklist"; view: string }
  | { kind: "dossier"; id: string }
  | { kind: "intake" }
  | { kind: "outbox"; slip: number | null };

/** A positive integer query value (the outbox's `?slip=<seq>`), else null. */
export function slipSeqOf(value: string | null | undefined): number | null {
  const slip = Number(value ?? "");
  return Number.isInteger(slip) && slip > 0 ? slip : null;
}

export function shellRouteOf(pathname: string, search: string): ShellRoute {
  const parts = pathname.replace(/\/+$/, "").split("/").filter(Boolean);
  if (parts[1] === "dossiers" && parts[2]) return { kind: "dossier", id: decodeURIComponent(parts[2]) };
  if (parts[1] === "intake") return { kind: "intake" };
  if (parts[1] === "outbox") return { kind: "outbox", slip: slipSeqOf(new URLSearchParams(search).get("slip")) };
  if (parts[1] === "worklist" && parts[2]) return { kind: "worklist", view: parts[2] };
  return { kind: "worklist", view: "mine" };
}
