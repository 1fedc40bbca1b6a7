import Link from "next/link";
import type { HealthView } from "@/lib/health/schemas";

/** Leases | Certificates: the table shown below the charts; the choice lives in the URL (?view=). */
export function ViewTabs({ view, counts }: { view: HealthView; counts: Record<HealthView, number> }) {
  const tab = (v: HealthView, label: string) => (
    <Link href={v === "leases" ? "/health" : "/health?view=certificates"} aria-current={view === v ? "page" : undefined}
      className={`rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${view === v ? "border-brand-600 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}>
      {label} <span className="text-slate-400">{counts[v].toLocaleString("en-US")}</span>
    </Link>
  );
  return <nav aria-label="Health tables" className="mb-3 flex gap-2 border-b border-slate-200">{tab("leases", "Leases")}{tab("certificates", "Certificates")}</nav>;
}
