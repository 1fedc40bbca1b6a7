"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type KeyboardEvent } from "react";
import { decideSchema, fieldErrors } from "@/lib/review/schemas";

export type DecideAction = (input: { decisionId: string; outcome: string; justification: string }) => Promise<
  | { ok: true; revocation: { status: string; error: string | null; prUrl: string | null } | null }
  | { ok: false; fieldErrors?: Record<string, string>; error?: string }
  | null
>;

/**
 * Keep or revoke ONE grant, with a required justification. Keyboard: type the justification, Enter
 * moves to "Keep" (Enter again confirms), Tab reaches "Revoke". Enter never decides by itself.
 */
export function DecideForm({ decisionId, label, selfReviewWarning, action }: { decisionId: string; label: string; selfReviewWarning: string | null; action: DecideAction }) {
  const router = useRouter();
  const keepRef = useRef<HTMLButtonElement>(null);
  const [justification, setJustification] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(outcome: "keep" | "revoke") {
    const parsed = decideSchema.safeParse({ decisionId, outcome, justification });
    if (!parsed.success) {
      setError(Object.values(fieldErrors(parsed.error))[0] ?? "Not valid");
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await action({ decisionId, outcome, justification });
      if (!result) return;
      if (!result.ok) {
        setError(result.error ?? Object.values(result.fieldErrors ?? {})[0] ?? "The decision was not recorded.");
        return;
      }
      if (result.revocation?.status === "failed") setError(`Recorded; the revocation pull request failed: ${result.revocation.error ?? "unknown error"}`);
      router.refresh();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      keepRef.current?.focus();
    }
  }

  const id = `justification-${decisionId}`;
  return (
    <div className="flex min-w-80 flex-col gap-1" data-testid="decide-form">
      {selfReviewWarning ? (
        <p role="note" data-testid="self-review-warning" className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Self-review: {selfReviewWarning}. Your decision is recorded as a self-review.
        </p>
      ) : null}
      <label htmlFor={id} className="sr-only">Justification for {label}</label>
      <div className="flex gap-1.5">
        <input
          id={id}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Justification (required)"
          aria-label={`Justification for ${label}`}
          aria-invalid={error ? true : undefined}
          maxLength={2000}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500"
        />
        <button ref={keepRef} type="button" disabled={pending} onClick={() => decide("keep")}
          className="rounded-md border border-emerald-600 px-2 py-1 text-xs font-medium text-emerald-700 hover:bg-emerald-50 disabled:opacity-50">
          Keep
        </button>
        <button type="button" disabled={pending} onClick={() => decide("revoke")}
          className="rounded-md border border-red-600 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
          Revoke
        </button>
      </div>
      {error ? <p role="alert" data-testid="decide-error" className="text-xs font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
