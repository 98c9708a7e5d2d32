"use client";

// The sign-out button: wipes the officer's offline data on this device first (a counter PC is
// shared), after asking when actions are still waiting to be sent, then signs out on the server.
import { useRef, type ReactNode } from "react";
import { unsentCountOfCurrentUser, wipeAllOfficerData } from "./wipe";

export function SignOutForm({
  action,
  confirmUnsent,
  className,
  children,
}: {
  action: (formData: FormData) => void | Promise<void>;
  /** Asked when actions wait in the outbox; `{count}` is replaced by their number. */
  confirmUnsent: string;
  className?: string;
  children: ReactNode;
}) {
  const wiped = useRef(false);
  return (
    <form
      action={action}
      className={className}
      data-testid="sign-out-form"
      onSubmit={(event) => {
        if (wiped.current) return;
        event.preventDefault();
        const form = event.currentTarget;
        void (async () => {
          try {
            const unsent = await unsentCountOfCurrentUser();
            if (unsent > 0 && !window.confirm(confirmUnsent.replace("{count}", String(unsent)))) return;
            await wipeAllOfficerData();
          } catch (error) {
            console.error("[offline] wiping the device failed", error);
          }
          wiped.current = true;
          form.requestSubmit();
        })();
      }}
    >
      {children}
    </form>
  );
}
