const SEVERITY: Record<string, string> = {
  info: "bg-slate-100 text-slate-700",
  low: "bg-sky-100 text-sky-800",
  medium: "bg-amber-100 text-amber-800",
  high: "bg-orange-100 text-orange-800",
  critical: "bg-red-100 text-red-800",
};

const STATUS: Record<string, string> = {
  open: "bg-red-50 text-red-700 ring-1 ring-red-200",
  acknowledged: "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
  resolved: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
};

const badge = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";

export function SeverityBadge({ severity }: { severity: string }) {
  return <span data-severity={severity} className={`${badge} ${SEVERITY[severity] ?? SEVERITY.info}`}>{severity}</span>;
}

export function AlertStatusBadge({ status }: { status: string }) {
  return <span data-testid="alert-status" data-status={status} className={`${badge} ${STATUS[status] ?? STATUS.open}`}>{status}</span>;
}
