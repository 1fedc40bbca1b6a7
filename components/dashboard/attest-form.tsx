"use client";

import { useActionState } from "react";
import type { AttestResult } from "@/lib/checklist/actions";

type AttestAction = (previous: AttestResult | null, form: FormData) => Promise<AttestResult>;

/** Admin-only: record a human fact behind a checklist item (audited by the server). */
export function AttestForm({ item, action, needsDate }: { item: string; action: AttestAction; needsDate: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="mt-2 grid gap-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm sm:grid-cols-2" data-testid={`attest-${item}`}>
      <input type="hidden" name="item" value={item} />
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">Outcome</span>
        <select name="outcome" className="rounded border border-slate-300 px-2 py-1" defaultValue="pass">
          <option value="pass">In place (pass)</option>
          <option value="fail">Not in place (fail)</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{needsDate ? "Date of the runbook test" : "Date checked (optional)"}</span>
        <input type="date" name="performedAt" required={needsDate} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1 sm:col-span-2">
        <span className="text-xs text-slate-600">What was checked, and how</span>
        <textarea name="statement" required minLength={10} rows={2} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1 sm:col-span-2">
        <span className="text-xs text-slate-600">Evidence link (optional)</span>
        <input type="url" name="evidenceUrl" placeholder="https://" className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">
          {pending ? "Recording..." : "Record attestation"}
        </button>
        {state?.ok ? <span className="text-emerald-700">Recorded.</span> : null}
        {state && !state.ok ? <span role="alert" className="text-red-700">{state.error.message}</span> : null}
      </div>
    </form>
  );
}
