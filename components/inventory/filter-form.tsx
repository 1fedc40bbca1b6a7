import type { ReactNode } from "react";

export interface SelectFilter {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label?: string }[];
}

/**
 * A plain GET form: submitting it rewrites the URL's search params, so every filtered view is a
 * shareable link and works without JavaScript. Sort and page size ride along as hidden fields.
 */
export function FilterForm({ action, q, placeholder, selects, hidden, extra }: {
  action: string; q: string | undefined; placeholder: string; selects: SelectFilter[];
  hidden: Record<string, string | number | undefined>; extra?: ReactNode;
}) {
  const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action={action} role="search" className="mb-3 flex flex-wrap items-end gap-2">
      <label className="flex min-w-64 flex-1 flex-col text-xs text-slate-500">
        Search
        <input type="search" name="q" defaultValue={q ?? ""} placeholder={placeholder} className={`${field} mt-0.5 text-slate-900`} />
      </label>
      {selects.map((s) => (
        <label key={s.name} className="flex flex-col text-xs text-slate-500">
          {s.label}
          <select name={s.name} defaultValue={s.value ?? ""} className={`${field} mt-0.5 max-w-48 text-slate-900`}>
            <option value="">All</option>
            {s.options.map((o) => <option key={o.value} value={o.value}>{o.label ?? o.value}</option>)}
          </select>
        </label>
      ))}
      {extra}
      {Object.entries(hidden).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />))}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
      <a href={action} className="px-1 py-1.5 text-sm text-slate-500 hover:text-slate-800">Reset</a>
    </form>
  );
}
