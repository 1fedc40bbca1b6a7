"use client";

import { useActionState } from "react";
import type { TriageState } from "@/lib/detection/schemas";

type TriageAction = (state: TriageState, formData: FormData) => Promise<TriageState>;

export interface TriagePanelProps {
  id: string;
  status: "open" | "acknowledged" | "resolved";
  assignee: string | null;
  assignees: { email: string; name: string | null }[];
  actions: { acknowledge: TriageAction; resolve: TriageAction; assign: TriageAction };
}

const button = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";
const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

function Outcome({ state, testId }: { state: TriageState; testId: string }) {
  if (!state) return null;
  return state.ok
    ? <p role="status" className="text-sm text-emerald-700" data-testid={testId}>{state.message}</p>
    : <p role="alert" className="text-sm text-red-700" data-testid={testId}>{state.error}</p>;
}

/** Acknowledge, assign, resolve (with a required note). The server checks "alerts.triage" again. */
export function TriagePanel({ id, status, assignee, assignees, actions }: TriagePanelProps) {
  const [ackState, acknowledge, acking] = useActionState(actions.acknowledge, null);
  const [assignState, assign, assigning] = useActionState(actions.assign, null);
  const [resolveState, resolve, resolving] = useActionState(actions.resolve, null);
  if (status === "resolved") return <p className="text-sm text-slate-600">This alert is resolved.</p>;
  const options = assignee && !assignees.some((a) => a.email === assignee) ? [{ email: assignee, name: null }, ...assignees] : assignees;
  return (
    <div className="space-y-5">
      {status === "open" ? (
        <form action={acknowledge} className="flex items-center gap-3">
          <input type="hidden" name="id" value={id} />
          <button type="submit" className={button} disabled={acking}>Acknowledge</button>
          <Outcome state={ackState} testId="acknowledge-outcome" />
        </form>
      ) : null}
      <form action={assign} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={id} />
        <label className="flex flex-col text-xs text-slate-500">
          Assignee
          <select name="assignee" defaultValue={assignee ?? ""} className={`${field} mt-0.5`}>
            <option value="">Nobody</option>
            {options.map((a) => <option key={a.email} value={a.email}>{a.name ? `${a.name} (${a.email})` : a.email}</option>)}
          </select>
        </label>
        <button type="submit" className={button} disabled={assigning}>Assign</button>
        <Outcome state={assignState} testId="assign-outcome" />
      </form>
      <form action={resolve} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        <label className="flex flex-col text-xs text-slate-500">
          Resolution note
          <textarea name="note" required minLength={3} maxLength={2000} rows={3} className={`${field} mt-0.5`} placeholder="What happened and what was done, e.g. break-glass use during INC-42; token revoked." />
        </label>
        {resolveState && !resolveState.ok && resolveState.fieldErrors?.note ? <p className="text-sm text-red-700" data-testid="error-note">{resolveState.fieldErrors.note}</p> : null}
        <div className="flex items-center gap-3">
          <button type="submit" className={button} disabled={resolving}>Resolve</button>
          <Outcome state={resolveState} testId="resolve-outcome" />
        </div>
      </form>
    </div>
  );
}
