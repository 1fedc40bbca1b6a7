"use client";

import { useValidatedForm } from "@/components/ui/use-validated-form";
import { Field, fieldProps, inputClass } from "@/components/ui/form-field";
import { createCampaignSchema, fieldErrors } from "@/lib/review/schemas";

export type CreateCampaignState = { ok: true; id: string; grantCount: number } | { ok: false; fieldErrors?: Record<string, string>; error?: string } | null;

export interface ScopeOptions {
  environments: string[];
  teams: string[];
  mounts: string[];
  classifications: string[];
}

const formValues = (form: FormData): Record<string, string> => Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === "string"));

function validateCampaign(form: FormData): Record<string, string> {
  const parsed = createCampaignSchema.safeParse(formValues(form));
  return parsed.success ? {} : fieldErrors(parsed.error);
}
const campaignHref = (id: string) => `/reviews/${id}`;

/**
 * Name, scope and deadline. Checked here with the server's own schema (messages next to each
 * field), then again on the server, which also says when no grant matches the scope.
 */
export function CampaignForm({ options, action }: { options: ScopeOptions; action: (prev: CreateCampaignState, form: FormData) => Promise<CreateCampaignState> }) {
  const { errors, formError, pending, onSubmit, onBlur } = useValidatedForm({ action, validate: validateCampaign, hrefOnSuccess: campaignHref });

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
