import type { ReactNode } from "react";

export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-200";

/** A labelled form field with its hint and its error, wired for screen readers. */
export function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col" data-field={name}>
      <label htmlFor={`f-${name}`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? <p id={`f-${name}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`f-${name}-error`} role="alert" data-testid={`error-${name}`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field's label, hint and error. */
export function fieldProps(name: string, error: string | undefined, hint = false) {
  const describedBy = [hint ? `f-${name}-hint` : null, error ? `f-${name}-error` : null].filter(Boolean).join(" ");
  return { id: `f-${name}`, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}
