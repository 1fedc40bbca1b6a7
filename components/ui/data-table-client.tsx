"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

/** One cell as plain data (client components only take serialisable props). */
export interface Cell {
  text: string;
  href?: string;
  /** What the column sorts by; defaults to the text. */
  sort?: string | number;
  mono?: boolean;
  /** A second, muted line. */
  sub?: string;
  /** A chain of linked steps shown with arrows (the "why" of a grant). */
  chain?: { text: string; href?: string; mono?: boolean }[];
  tone?: "red" | "amber" | "green" | "slate";
}

export interface Column {
  id: string;
  label: string;
  align?: "left" | "right";
}

export interface Row {
  id: string;
  cells: Record<string, Cell>;
}

const TONE = { red: "text-red-700", amber: "text-amber-700", green: "text-emerald-700", slate: "text-slate-500" } as const;

function CellView({ cell }: { cell: Cell }) {
  const cls = `${cell.mono ? "font-mono text-xs" : ""} ${cell.tone ? TONE[cell.tone] : ""}`;
  const main = cell.chain ? (
    <span className="flex flex-wrap items-center gap-x-1 gap-y-0.5">
      {cell.chain.map((step, i) => (
        <span key={i} className="inline-flex items-center gap-1">
          {i > 0 ? <span aria-hidden className="text-slate-400">→</span> : null}
          {step.href ? (
            <Link href={step.href} className={`text-brand-700 hover:underline ${step.mono ? "font-mono text-xs" : ""}`}>{step.text}</Link>
          ) : (
            <span className={step.mono ? "font-mono text-xs" : ""}>{step.text}</span>
          )}
        </span>
      ))}
    </span>
  ) : cell.href ? (
    <Link href={cell.href} className={`text-brand-700 hover:underline ${cls}`}>{cell.text}</Link>
  ) : (
    <span className={cls}>{cell.text}</span>
  );
  return (
    <>
      {main}
      {cell.sub ? <div className="text-xs text-slate-500">{cell.sub}</div> : null}
    </>
  );
}

/**
 * For the bounded tables of a detail page (readers, consumers, dependents): sorted in the browser
 * by clicking a header, since all rows are already on the page.
 */
export function SortableTable({ columns, rows, empty, testId }: { columns: Column[]; rows: Row[]; empty: string; testId?: string }) {
  const [sort, setSort] = useState<{ id: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const value = (r: Row) => r.cells[sort.id]?.sort ?? r.cells[sort.id]?.text ?? "";
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return c * sort.dir;
    });
  }, [rows, sort]);
  if (rows.length === 0) return <p className="py-4 text-sm text-slate-500" data-testid={testId ? `${testId}-empty` : undefined}>{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => {
              const active = sort?.id === c.id ? sort.dir : 0;
              return (
                <th key={c.id} scope="col" aria-sort={active === 1 ? "ascending" : active === -1 ? "descending" : undefined}
                  className={`whitespace-nowrap py-2 pr-4 font-medium ${c.align === "right" ? "text-right" : ""}`}>
                  <button type="button" className={`uppercase tracking-wide hover:text-slate-900 ${active ? "text-slate-900" : ""}`}
                    onClick={() => setSort({ id: c.id, dir: active === 1 ? -1 : 1 })}>
                    {c.label}
                    <span aria-hidden className="ml-0.5 inline-block w-2">{active === 1 ? "▲" : active === -1 ? "▼" : ""}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((r) => (
            <tr key={r.id} className="align-top">
              {columns.map((c) => (
                <td key={c.id} className={`py-1.5 pr-4 ${c.align === "right" ? "text-right tabular-nums" : ""}`}>
                  {r.cells[c.id] ? <CellView cell={r.cells[c.id]!} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
