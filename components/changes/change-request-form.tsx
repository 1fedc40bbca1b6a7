"use client";

import { useState } from "react";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import { changeInputFromFormData } from "@/lib/changes/form-data";
import { changeInputSchema, CLASSIFICATIONS, fieldErrors, type ChangeKind } from "@/lib/changes/schemas";
import { Field, fieldProps, inputClass } from "@/components/ui/form-field";
import { KeySuggestions } from "./key-suggestions";
import { ReadersPicker } from "./readers-picker";

export type SubmitResult = { ok: true; id: string; prUrl?: string | null } | { ok: false; fieldErrors?: Record<string, string>; error?: string | { message: string } } | null;

export interface ChangeFormOptions {
  clusters: string[];
  kvMounts: { cluster: string; mount: string }[];
  teams: string[];
  environments: string[];
}

function validateChange(form: FormData): Record<string, string> {
  const parsed = changeInputSchema.safeParse(changeInputFromFormData(form));
  return parsed.success ? {} : fieldErrors(parsed.error);
}
const changeHref = (id: string) => `/changes/${id}`;

/**
 * One form for every kind of change. Validated here with the server's own schema (field-level
 * messages as the user leaves a field and on submit), then again on the server, which may add
 * messages of its own (an identity that does not exist). Nothing is created until both agree.
 */
export function ChangeRequestForm({ kind, options, initial, action }: {
  kind: ChangeKind | "policy.codify";
  options: ChangeFormOptions;
  initial: Record<string, string>;
  action: (prev: SubmitResult, form: FormData) => Promise<SubmitResult>;
}) {
  const { errors, formError, pending, onSubmit, onBlur } = useValidatedForm({ action, validate: validateChange, hrefOnSuccess: changeHref });
  const [cluster, setCluster] = useState(initial.cluster ?? options.clusters[0] ?? "");
  const [identityQuery, setIdentityQuery] = useState(initial.identityKey ?? "");
  const [secretQuery, setSecretQuery] = useState(initial.secretKey ?? "");

  const mounts = options.kvMounts.filter((m) => m.cluster === cluster).map((m) => m.mount);
  return (
    <form onSubmit={onSubmit} onBlur={onBlur} noValidate className="grid max-w-3xl gap-4" data-testid="change-form">
      <input type="hidden" name="kind" value={kind} />
      {formError ? (
        <div role="alert" data-testid="form-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </div>
      ) : null}

      {kind === "secret.create" ? (
        <>
          <input type="hidden" name="engine" value="kv-v2" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="cluster" label="Cluster" error={errors.cluster}>
              <select {...fieldProps("cluster", errors.cluster)} value={cluster} onChange={(e) => setCluster(e.target.value)} className={inputClass}>
                {options.clusters.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </Field>
            <Field name="mount" label="KV v2 mount" error={errors.mount}>
              <select {...fieldProps("mount", errors.mount)} defaultValue={initial.mount ?? ""} className={inputClass}>
                <option value="">Choose a mount</option>
                {mounts.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </Field>
          </div>
          <Field name="path" label="Path" hint="Below the mount, e.g. payments/prod/payments-api/webhook-signing-key" error={errors.path}>
            <input {...fieldProps("path", errors.path, true)} defaultValue={initial.path ?? ""} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field name="environment" label="Environment" error={errors.environment}>
              <input {...fieldProps("environment", errors.environment)} list="environments" defaultValue={initial.environment ?? ""} className={inputClass} />
              <datalist id="environments">{options.environments.map((e) => <option key={e} value={e} />)}</datalist>
            </Field>
            <Field name="ownerTeam" label="Owner team" error={errors.ownerTeam}>
              <input {...fieldProps("ownerTeam", errors.ownerTeam)} list="teams" defaultValue={initial.ownerTeam ?? ""} className={inputClass} />
              <datalist id="teams">{options.teams.map((t) => <option key={t} value={t} />)}</datalist>
            </Field>
            <Field name="classification" label="Classification" error={errors.classification}>
              <select {...fieldProps("classification", errors.classification)} defaultValue={initial.classification ?? ""} className={inputClass}>
                <option value="">Choose…</option>
                {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </Field>
          </div>
          <Field name="description" label="Description" hint="What the secret is for; shown in Vault's custom metadata and the PR." error={errors.description}>
            <input {...fieldProps("description", errors.description, true)} defaultValue={initial.description ?? ""} className={inputClass} />
          </Field>
          <RotationField initial={initial.rotationPeriodDays ?? "90"} error={errors.rotationPeriodDays} />
          <Field name="readers" label="Who may read it" hint="Vault roles or groups; each gets read on the data path through a new policy." error={errors.readers ?? Object.entries(errors).find(([k]) => k.startsWith("readers."))?.[1]}>
            <ReadersPicker initial={initial.readers ? initial.readers.split(",") : []} />
          </Field>
        </>
      ) : null}

      {kind === "access.grant" || kind === "access.revoke" ? (
        <>
          <IdentityField value={identityQuery} onChange={setIdentityQuery} error={errors.identityKey} />
          <SecretField value={secretQuery} onChange={setSecretQuery} error={errors.secretKey} />
          {kind === "access.grant" ? (
            <fieldset className="flex flex-col">
              <legend className="text-sm font-medium text-slate-800">Access</legend>
              <div className="mt-1 flex gap-4 text-sm">
                {(["read", "list"] as const).map((a) => (
                  <label key={a} className="flex items-center gap-1.5">
                    <input type="radio" name="access" value={a} defaultChecked={(initial.access ?? "read") === a} /> {a === "read" ? "Read the value" : "List only (see that it exists)"}
                  </label>
                ))}
              </div>
              {errors.access ? <p role="alert" className="mt-1 text-xs font-medium text-red-700">{errors.access}</p> : null}
            </fieldset>
          ) : (
            <>
              <input type="hidden" name="origin" value={initial.origin ?? "secret"} />
              {initial.reviewId ? <input type="hidden" name="reviewId" value={initial.reviewId} /> : null}
            </>
          )}
        </>
      ) : null}

      {kind === "rotation.update" ? (
        <>
          <SecretField value={secretQuery} onChange={setSecretQuery} error={errors.secretKey} />
          <RotationField initial={initial.rotationPeriodDays ?? "90"} error={errors.rotationPeriodDays} />
        </>
      ) : null}

      {kind === "policy.codify" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="cluster" label="Cluster" error={errors.cluster}>
            <input {...fieldProps("cluster", errors.cluster)} defaultValue={initial.cluster ?? ""} readOnly className={`${inputClass} bg-slate-50`} />
          </Field>
          <Field name="policyName" label="Policy (live in Vault only)" error={errors.policyName}>
            <input {...fieldProps("policyName", errors.policyName)} defaultValue={initial.policyName ?? ""} readOnly className={`${inputClass} bg-slate-50 font-mono`} />
          </Field>
        </div>
      ) : null}

      <Field name="reason" label="Why" hint="Reviewers read this in the pull request. At least 10 characters." error={errors.reason}>
        <textarea {...fieldProps("reason", errors.reason, true)} rows={3} defaultValue={initial.reason ?? ""} className={inputClass} />
      </Field>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Opening the pull request…" : "Open pull request"}
        </button>
        <p className="text-xs text-slate-500">Radius never changes Vault: this opens a Terraform pull request for review.</p>
      </div>
    </form>
  );
}

function RotationField({ initial, error }: { initial: string; error?: string }) {
  return (
    <Field name="rotationPeriodDays" label="Rotation period (days)" error={error}>
      <input {...fieldProps("rotationPeriodDays", error)} type="number" inputMode="numeric" min={1} max={3650} defaultValue={initial} className={`${inputClass} max-w-40`} />
    </Field>
  );
}

function IdentityField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Field name="identityKey" label="Identity" hint="A Vault role or group, e.g. vault-cluster:kubernetes-prod/payments-api. Type to search." error={error}>
      <input {...fieldProps("identityKey", error, true)} list="identity-suggestions" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />
      <KeySuggestions id="identity-suggestions" endpoint="/api/identities" query={value} />
    </Field>
  );
}

function SecretField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Field name="secretKey" label="Secret" hint="cluster:mount/path. Type to search." error={error}>
      <input {...fieldProps("secretKey", error, true)} list="secret-suggestions" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />
      <KeySuggestions id="secret-suggestions" endpoint="/api/secrets" query={value} />
    </Field>
  );
}
