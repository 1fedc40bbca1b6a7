"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition, type FocusEvent, type FormEvent } from "react";

type Failure = { ok: false; fieldErrors?: Record<string, string>; error?: string | { message: string } };
type Result = { ok: true; id: string } | Failure | null;

/**
 * A form checked in the browser with the server's own schema, then sent to a server action that
 * checks again: field messages as the user leaves a field and on submit, the server's messages
 * merged in, and a redirect to `hrefOnSuccess(id)` when the action succeeds.
 */
export function useValidatedForm(options: {
  /** A server action in React's useActionState shape; its own result type narrows Result. */
  action: (prev: never, form: FormData) => Promise<Result>;
  validate: (form: FormData) => Record<string, string>;
  hrefOnSuccess: (id: string) => string;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState<Result, FormData>((prev, form) => options.action(prev as never, form), null);
  const [pending, startTransition] = useTransition();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const { hrefOnSuccess } = options;
  useEffect(() => {
    if (state?.ok) router.push(hrefOnSuccess(state.id));
  }, [state, router, hrefOnSuccess]);

  const failed = state && !state.ok ? (state as Failure) : null;
  const errors: Record<string, string> = { ...(failed?.fieldErrors ?? {}), ...clientErrors };
  const formError = failed?.error ? (typeof failed.error === "string" ? failed.error : failed.error.message) : (errors._form ?? null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = options.validate(new FormData(event.currentTarget));
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      event.currentTarget.querySelector<HTMLElement>(`[name="${first.split(".")[0]}"]`)?.focus();
      return;
    }
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  // Re-check one field when the user leaves it, so messages appear where the mistake is.
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const name = (event.target as EventTarget & { name?: string }).name;
    // Leaving a field for the submit button: submit validates everything, and a message appearing
    // now would move the button between mouse-down and mouse-up and swallow the click.
    const next = event.relatedTarget as (EventTarget & { type?: string }) | null;
    if (!name || next?.type === "submit") return;
    const found = options.validate(new FormData(event.currentTarget));
    setClientErrors((prev) => {
      const updated = { ...prev };
      if (found[name]) updated[name] = found[name]!;
      else delete updated[name];
      return updated;
    });
  }

  return { errors, formError, pending, onSubmit, onBlur };
}
