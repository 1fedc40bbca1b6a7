import Link from "next/link";

export const KIND_LABELS: Record<string, string> = {
  "secret.create": "New secret path",
  "access.grant": "Request access",
  "access.revoke": "Revoke access",
  "rotation.update": "Rotation period",
  "policy.codify": "Bring policy into Terraform",
};

/** The kinds of request as tabs (links: each form has its own shareable URL). */
export function KindTabs({ current, carry }: { current: string; carry: Record<string, string> }) {
  const kinds = ["secret.create", "access.grant", "access.revoke", "rotation.update"];
  return (
    <nav aria-label="Kind of change" className="mb-4 flex gap-1 border-b border-slate-200">
      {kinds.map((kind) => {
        const active = kind === current;
        return (
          <Link
            key={kind}
            href={`/changes/new?${new URLSearchParams({ ...carry, kind })}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {KIND_LABELS[kind]}
          </Link>
        );
      })}
    </nav>
  );
}
