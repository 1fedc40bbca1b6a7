import type { ConnectionRow } from "@/lib/system/types";

const DOT = { ok: "bg-emerald-500", warn: "bg-amber-500", down: "bg-red-500" } as const;
const LABEL = { ok: "Connected", warn: "Attention", down: "Unreachable" } as const;

/** The parts Radius depends on, each with a plain-language state. */
export function ConnectionList({ rows }: { rows: ConnectionRow[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="connections">
      {rows.map((row) => (
        <li key={row.name + row.detail} className="flex items-start gap-3 py-2.5">
          <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOT[row.state]}`} />
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-800">
              {row.name} <span className="ml-1 text-xs font-normal text-slate-500">{LABEL[row.state]}</span>
            </p>
            <p className="truncate font-mono text-xs text-slate-500">{row.detail}</p>
            {row.note ? <p className="mt-0.5 text-xs text-slate-600">{row.note}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
