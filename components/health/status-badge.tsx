import type { CertificateStatus, LeaseStatus } from "@/lib/health/schemas";

const STYLES: Record<LeaseStatus | CertificateStatus | "weak-key", { label: string; className: string }> = {
  "renewal-failure": { label: "Renewal failure", className: "bg-red-100 text-red-800 ring-red-200" },
  expired: { label: "Expired", className: "bg-red-50 text-red-700 ring-red-200" },
  expiring: { label: "Expiring", className: "bg-amber-100 text-amber-900 ring-amber-200" },
  orphaned: { label: "Orphaned", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  healthy: { label: "Healthy", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  valid: { label: "Valid", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-slate-800 ring-slate-300" },
  weak: { label: "Weak key", className: "bg-orange-100 text-orange-900 ring-orange-200" },
  "weak-key": { label: "Weak key", className: "bg-orange-100 text-orange-900 ring-orange-200" },
};

/** A status in words and colour (never colour alone). */
export function StatusBadge({ status }: { status: keyof typeof STYLES }) {
  const s = STYLES[status];
  return <span data-status={status} className={`inline-flex whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${s.className}`}>{s.label}</span>;
}
