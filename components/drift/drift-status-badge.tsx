import { DRIFT_STATUS_LABEL } from "@/lib/drift/schemas";
import type { DriftCheckStatus, DriftStatus } from "@/lib/drift/types";

const STATUS_TONE: Record<DriftStatus, string> = {
  "vault-only": "border-red-200 bg-red-50 text-red-800",
  "terraform-only": "border-amber-200 bg-amber-50 text-amber-800",
  different: "border-amber-200 bg-amber-50 text-amber-800",
};

export function DriftStatusBadge({ status }: { status: DriftStatus }) {
  return (
    <span data-status={status} className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[status]}`}>
      {DRIFT_STATUS_LABEL[status]}
    </span>
  );
}

const CHECK: Record<DriftCheckStatus, { label: string; cls: string }> = {
  pass: { label: "Pass", cls: "border-emerald-200 bg-emerald-50 text-emerald-800" },
  fail: { label: "Drift", cls: "border-red-200 bg-red-50 text-red-800" },
  unknown: { label: "Unknown", cls: "border-slate-200 bg-slate-50 text-slate-700" },
};

/** The "Vault config in Git" verdict: pass, drift or unknown, with its evidence. */
export function DriftVerdict({ status, evidence }: { status: DriftCheckStatus; evidence: string }) {
  return (
    <p data-testid="drift-verdict" data-check={status} className="flex items-start gap-2 text-sm text-slate-700">
      <span className={`shrink-0 rounded border px-1.5 py-0.5 text-xs font-semibold ${CHECK[status].cls}`}>{CHECK[status].label}</span>
      <span>{evidence}</span>
    </p>
  );
}
