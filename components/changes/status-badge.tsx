const STYLES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  open: "bg-sky-100 text-sky-800",
  merged: "bg-emerald-100 text-emerald-800",
  closed: "bg-slate-200 text-slate-700",
  failed: "bg-red-100 text-red-800",
};

export function ChangeStatusBadge({ status }: { status: string }) {
  return (
    <span data-status={status} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.draft}`}>
      {status}
    </span>
  );
}
