/** The page's shape while the server aggregates: tiles, charts, table. */
export default function HealthLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-6 w-40 rounded bg-slate-200" />
      <div className="grid grid-cols-5 gap-3">{Array.from({ length: 10 }, (_, i) => <div key={i} className="h-16 rounded-lg bg-slate-100" />)}</div>
      <div className="grid gap-4 lg:grid-cols-2">{Array.from({ length: 4 }, (_, i) => <div key={i} className="h-56 rounded-lg bg-slate-100" />)}</div>
      <div className="h-64 rounded-lg bg-slate-100" />
      <span className="sr-only">Loading lease and certificate health…</span>
    </div>
  );
}
