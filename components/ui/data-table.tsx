import Link from "next/link";
import type { ReactNode } from "react";

export interface HeaderCell {
  label: string;
  /** Link that sorts by this column (server-side sorting keeps the state in the URL). */
  sortHref?: string;
  /** Set on the column the list is sorted by. */
  sorted?: "asc" | "desc";
  align?: "left" | "right";
  className?: string;
}

/** A dense table whose sortable headers are links: the sort lives in the URL, shareable and server-rendered. */
export function DataTable({ head, children, testId, empty }: { head: HeaderCell[]; children: ReactNode; testId?: string; empty?: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {head.map((h) => (
              <th key={h.label} scope="col" aria-sort={h.sorted === "asc" ? "ascending" : h.sorted === "desc" ? "descending" : undefined}
                className={`whitespace-nowrap py-2 pr-4 font-medium ${h.align === "right" ? "text-right" : ""} ${h.className ?? ""}`}>
                {h.sortHref ? (
                  <Link href={h.sortHref} className={`hover:text-slate-900 ${h.sorted ? "text-slate-900" : ""}`}>
                    {h.label}
                    <span aria-hidden className="ml-0.5 inline-block w-2">{h.sorted === "asc" ? "▲" : h.sorted === "desc" ? "▼" : ""}</span>
                  </Link>
                ) : (
                  h.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {empty}
    </div>
  );
}

/** Shown under a table with no rows: says why, in words. */
export function DataTableEmpty({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-slate-500" data-testid="table-empty">{children}</p>;
}
