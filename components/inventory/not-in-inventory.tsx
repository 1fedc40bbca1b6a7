import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/** notFound() of the detail pages: the key is not in the current snapshot (deleted, renamed, or mistyped). */
export function NotInInventory({ what, back }: { what: string; back: string }) {
  return (
    <EmptyState title={`This ${what} is not in the current inventory`} testId="not-in-inventory">
      <p>It may have been deleted or renamed since the link was made, or the last sync has not seen it yet.</p>
      <p className="mt-2"><Link href={back} className="text-brand-700 hover:underline">Search the {what === "identity" ? "identities" : what === "policy" ? "policies" : `${what}s`}</Link></p>
    </EmptyState>
  );
}
