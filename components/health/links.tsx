import Link from "next/link";
import type { ConsumerRef } from "@/lib/health/types";
import { secretHref, workloadHref } from "@/lib/inventory/urls";

/** The secret a lease or certificate belongs to, linked to its inventory page. */
export function SecretLink({ secretKey }: { secretKey: string | null }) {
  if (!secretKey) return <span className="text-slate-400">not in inventory</span>;
  return <Link href={secretHref(secretKey)} className="font-mono text-xs text-brand-700 hover:underline">{secretKey}</Link>;
}

/** The first few consuming workloads, linked, plus how many more. */
export function ConsumersCell({ consumers, count }: { consumers: ConsumerRef[]; count: number }) {
  if (count === 0) return <span className="text-slate-400">none known</span>;
  return (
    <span className="flex flex-wrap gap-x-2">
      {consumers.map((c) => <Link key={c.key} href={workloadHref(c.key)} title={c.key} className="text-brand-700 hover:underline">{c.name}</Link>)}
      {count > consumers.length ? <span className="text-slate-500">+{count - consumers.length} more</span> : null}
    </span>
  );
}
