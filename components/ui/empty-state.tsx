import type { ReactNode } from "react";

/** What a section shows when it has nothing yet, saying why and what comes next. */
export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-xl text-slate-600">{children}</div> : null}
    </div>
  );
}
