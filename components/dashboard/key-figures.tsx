import type { DashboardFigures } from "@/lib/checklist/figure-types";
import { share } from "@/lib/checklist/figure-types";

const pct = (v: number | null) => (v === null ? "n/a" : `${v}%`);

/** The headline numbers, each a count plus what it means. */
export function KeyFigures({ figures }: { figures: DashboardFigures }) {
  const s = figures.secrets;
  const tiles = [
    { label: "Secrets", value: s.total.toLocaleString("en-US"), note: "in the active snapshot" },
    { label: "With an owner", value: pct(share(s.withOwner, s.total)), note: `${s.withOwner.toLocaleString("en-US")} secrets` },
    { label: "Rotated within period", value: pct(share(s.rotatedWithinPeriod, s.total)), note: `${s.staleStatic.toLocaleString("en-US")} static overdue` },
    { label: "Certificates expiring", value: figures.certificates.within7d.toLocaleString("en-US"), note: `within 7 days; ${figures.certificates.within30d} within 30, ${figures.certificates.expired} expired` },
    { label: "Open alerts", value: figures.alerts.open.toLocaleString("en-US"), note: `${figures.alerts.byRule.length} rules` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="key-figures">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-xs uppercase tracking-wide text-slate-500">{t.label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900">{t.value}</dd>
          <dd className="text-xs text-slate-500">{t.note}</dd>
        </div>
      ))}
    </dl>
  );
}
