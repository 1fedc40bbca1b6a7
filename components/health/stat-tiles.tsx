import { formatCount } from "./format";

export interface StatTile {
  label: string;
  value: number;
  /** Non-zero values of a problem tile are highlighted. */
  tone?: "neutral" | "bad" | "warn";
  href?: string;
  testId?: string;
}

/** One row of counts; a problem count links to the table filtered to it. */
export function StatTiles({ tiles }: { tiles: StatTile[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((t) => {
        const hot = t.value > 0 && t.tone && t.tone !== "neutral";
        const color = hot ? (t.tone === "bad" ? "text-red-700" : "text-amber-700") : "text-slate-900";
        const body = (
          <>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{t.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{formatCount(t.value)}</dd>
          </>
        );
        const cls = "block rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm";
        return t.href ? (
          <a key={t.label} href={t.href} className={`${cls} hover:border-slate-300`} data-testid={t.testId}>{body}</a>
        ) : (
          <div key={t.label} className={cls} data-testid={t.testId}>{body}</div>
        );
      })}
    </dl>
  );
}
