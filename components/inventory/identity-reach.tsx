import Link from "next/link";
import { SortableTable } from "@/components/ui/data-table-client";
import type { IdentityReverseBlastRadius } from "@/lib/inventory/identity-types";
import { identityHref, policyHref, secretHref, workloadHref } from "@/lib/inventory/urls";
import { ScoreBadge } from "./score-badge";

/** Per policy: which rules hand this identity secrets, and how many (the shape of an attacker's haul). */
export function IdentityReach({ radius }: { radius: IdentityReverseBlastRadius }) {
  const cluster = radius.identity.cluster;
  return (
    <SortableTable testId="identity-by-policy" empty="It can read nothing: no policy it carries matches a secret."
      columns={[{ id: "policy", label: "Policy" }, { id: "via", label: "Through" }, { id: "rules", label: "Rules that match" }, { id: "readable", label: "Readable", align: "right" }]}
      rows={radius.byPolicy.map((p) => ({
        id: `${p.policyName}/${p.viaGroup ?? ""}`,
        cells: {
          policy: { text: p.policyName, href: policyHref(cluster, p.policyName), mono: true },
          via: p.viaGroup ? { text: `group ${p.viaGroup}`, href: identityHref(p.viaGroup) } : { text: "directly", tone: "slate" },
          rules: { text: p.rules.map((r) => `${r.rulePath} (${r.readable})`).join(", "), mono: true },
          readable: { text: p.readable.toLocaleString("en-US"), sort: p.readable },
        },
      }))} />
  );
}

export function IdentityGrantRows({ radius }: { radius: IdentityReverseBlastRadius }) {
  const cluster = radius.identity.cluster;
  return (
    <>
      {radius.grants.rows.map((g) => (
        <tr key={`${g.secretKey}/${g.policyName}`} className="hover:bg-slate-50">
          <td className="py-1.5 pr-4"><Link href={secretHref(g.secretKey)} className="font-mono text-xs text-brand-700 hover:underline">{g.secretKey}</Link></td>
          <td className="py-1.5 pr-4 text-right"><ScoreBadge score={g.exposureScore} /></td>
          <td className="py-1.5 pr-4">
            {g.viaGroup ? <><Link href={identityHref(g.viaGroup)} className="text-brand-700 hover:underline">{g.viaGroup}</Link> → </> : null}
            {g.policyNames.map((n, i) => <span key={n}>{i > 0 ? ", " : ""}<Link href={policyHref(cluster, n)} className="text-brand-700 hover:underline">{n}</Link></span>)}
            {" → "}<span className="font-mono text-xs">{g.rulePath}</span> → {g.capabilities.join(", ")}
          </td>
        </tr>
      ))}
    </>
  );
}

export function UsedBy({ radius }: { radius: IdentityReverseBlastRadius }) {
  if (radius.usedBy.length === 0) return <p className="text-sm text-slate-500">No manifest or workflow authenticates as this identity.</p>;
  return (
    <ul className="text-sm">
      {radius.usedBy.map((u) => <li key={u.workload.key}><Link href={workloadHref(u.workload.key)} className="text-brand-700 hover:underline">{u.workload.name}</Link> <span className="text-xs text-slate-500">{u.workload.kind} · {u.mechanism}</span></li>)}
    </ul>
  );
}
