"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { Field, fieldProps, inputClass } from "@/components/ui/form-field";
import { createCampaignSchema, fieldErrors } from "@/lib/review/schemas";

export type CreateCampaignState = { ok: true; id: string; grantCount: number } | { ok: false; fieldErrors?: Record<string, string>; error?: string } | null;

export interface ScopeOptions {
  environments: string[];
  teams: string[];
  mounts: string[];
  classifications: string[];
}

const formValues = (form: HTMLFormElement): Record<string, string> => Object.fromEntries([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === "string"));

/**
 * Name, scope and deadline. Checked here with the server's own schema (messages next to each
 * field), then again on the server, which also says when no grant matches the scope.
 */
export function CampaignForm({ options, action }: { options: ScopeOptions; action: (prev: CreateCampaignState, form: FormData) => Promise<CreateCampaignState> }) {
  const router = useRouter();
  const [state, formAction] = useActionState(action, null);
  const [pending, startTransition] = useTransition();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (state?.ok) router.push(`/reviews/${state.id}`);
  }, [state, router]);

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };
  const formError = (state && !state.ok ? state.error : undefined) ?? errors._form;

  function validate(form: HTMLFormElement): Record<string, string> {
    const parsed = createCampaignSchema.safeParse(formValues(form));
    return parsed.success ? {} : fieldErrors(parsed.error);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(event.currentTarget);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  function onBlur(event: React.FocusEvent<HTMLFormElement>) {
    const name = (event.target as EventTarget & { name?: string }).name;
    if (!name) return;
    const found = validate(event.currentTarget);
    setClientErrors((prev) => {
      const next = { ...prev };
      if (found[name]) next[name] = found[name]!;
      else delete next[name];
      return next;
    });
  }

  const select = (name: "team" | "environment" | "mount" | "classification", label: string, values: string[], hint: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      <select {...fieldProps(name, errors[name], true)} defaultValue="" className={inputClass}>
        <option value="">Any</option>
        {values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </Field>
  );

  return (
    <form onSubmit={onSubmit} onBlur={onBlur} noValidate className="grid max-w-3xl gap-4" data-testid="campaign-form">
      {formError ? (
        <div role="alert" data-testid="form-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</div>
      ) : null}
      <Field name="name" label="Name" hint="e.g. Payments production, Q4" error={errors.name}>
        <input {...fieldProps("name", errors.name, true)} autoComplete="off" className={inputClass} />
      </Field>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">Scope: the grants on secrets matching every choice</legend>
        {select("team", "Owner team", options.teams, "The secret's owner team; its members review.")}
        {select("environment", "Environment", options.environments, "e.g. prod")}
        {select("mount", "Mount", options.mounts, "cluster:mount")}
        {select("classification", "Classification", options.classifications, "e.g. restricted")}
      </fieldset>
      <Field name="deadline" label="Deadline" hint="Reviewers are reminded as it approaches." error={errors.deadline}>
        <input {...fieldProps("deadline", errors.deadline, true)} type="date" className={`${inputClass} max-w-48`} />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Creating…" : "Create campaign"}
        </button>
        <p className="text-xs text-slate-500">The grants in scope are copied from the current inventory when you create it.</p>
      </div>
    </form>
  );
}
