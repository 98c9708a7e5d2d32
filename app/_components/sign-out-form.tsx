"use client";

// The sign-out button: wipes the officer's offline data on this device first (app/_offline), after
// asking when actions are still waiting to be sent, then signs out on the server.
import { useRef, type ReactNode } from "react";
import { wipeBeforeSignOut } from "~/app/_offline/sign-out";

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
        void wipeBeforeSignOut((count) => window.confirm(confirmUnsent.replace("{count}", String(count)))).then((go) => {
          if (!go) return;
          wiped.current = true;
          form.requestSubmit();
        });
      }}
    >
      {children}
    </form>
  );
}
