/** Reviewer / outcome / team filters as a plain GET form: every filtered view is a shareable URL. */
export function DecisionFilters({ action, values, reviewers, teams, pageSize }: {
  action: string;
  values: { reviewer?: string; outcome?: string; team?: string };
  reviewers: string[];
  teams: string[];
  pageSize?: number;
}) {
  const field = "mt-0.5 max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  const selects = [
    { name: "reviewer", label: "Reviewer", value: values.reviewer, options: [{ value: "me", label: "me" }, ...reviewers.map((value) => ({ value, label: value }))] },
    { name: "outcome", label: "Outcome", value: values.outcome, options: ["pending", "keep", "revoke"].map((value) => ({ value, label: value })) },
    { name: "team", label: "Team", value: values.team, options: teams.map((value) => ({ value, label: value })) },
  ];
  return (
    <form method="get" action={action} className="mb-3 flex flex-wrap items-end gap-2" data-testid="decision-filters">
      {selects.map((s) => (
        <label key={s.name} className="flex flex-col text-xs text-slate-500">
          {s.label}
          <select name={s.name} defaultValue={s.value ?? ""} className={field}>
            <option value="">All</option>
            {s.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      ))}
      {pageSize ? <input type="hidden" name="pageSize" value={pageSize} /> : null}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
      <a href={action} className="px-1 py-1.5 text-sm text-slate-500 hover:text-slate-800">Reset</a>
    </form>
  );
}
