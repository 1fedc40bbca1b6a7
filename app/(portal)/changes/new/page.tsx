import type { Metadata } from "next";
import { ChangeRequestForm } from "@/components/changes/change-request-form";
import { KIND_LABELS, KindTabs } from "@/components/changes/kind-tabs";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { changesContext, getChangeFormOptions } from "@/lib/changes";
import { submitChangeRequest } from "@/lib/changes/actions";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/changes/schemas";

export const metadata: Metadata = { title: "New change request" };

const PREFILL = ["cluster", "mount", "path", "environment", "ownerTeam", "classification", "rotationPeriodDays", "identityKey", "secretKey", "access", "origin", "reviewId", "policyName", "readers"] as const;

export default async function NewChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("changes.create");
  const raw = await searchParams;
  const requested = typeof raw.kind === "string" ? raw.kind : "secret.create";
  const kind: ChangeKind | "policy.codify" = requested === "policy.codify" || (CHANGE_KINDS as readonly string[]).includes(requested) ? (requested as ChangeKind) : "secret.create";
  // Prefill from the URL (links from secret, identity and drift pages); the form validates it all again.
  const initial: Record<string, string> = {};
  for (const name of PREFILL) {
    const value = raw[name];
    if (typeof value === "string" && value.length <= 500) initial[name] = value;
  }
  const options = await getChangeFormOptions(changesContext(user));
  const carry = Object.fromEntries(Object.entries(initial).filter(([k]) => k === "secretKey" || k === "identityKey"));
  return (
    <>
      <PageHeader title="New change request" description="Describe the change; Radius renders it as Terraform, shows who gains or loses access, and opens a pull request." />
      {kind === "policy.codify" ? <h2 className="mb-4 text-sm font-semibold text-slate-700">{KIND_LABELS[kind]}</h2> : <KindTabs current={kind} carry={carry} />}
      <Card>
        <ChangeRequestForm key={kind} kind={kind} options={options} initial={initial} action={submitChangeRequest} />
      </Card>
    </>
  );
}
