/** loading.tsx of the inventory pages: the page's shape while the server answers. */
export default function TableSkeleton() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <div className="h-6 w-48 rounded bg-slate-200" />
      <div className="h-4 w-[32rem] rounded bg-slate-200" />
      <div className="mt-6 space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="h-8 rounded bg-slate-100" />
        {Array.from({ length: 12 }, (_, i) => <div key={i} className="h-5 rounded bg-slate-100" />)}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
