import type { HeaderCell } from "@/components/ui/data-table";
import { withParams } from "@/lib/inventory/urls";

type Current = Record<string, string | number | undefined>;

/** A sortable header whose link flips the direction when the list is already sorted by it. */
export function sortHeader(base: string, current: Current, label: string, sort: string, defaultDir: "asc" | "desc", align?: "right"): HeaderCell {
  const active = current.sort === sort;
  const dir = (current.dir as "asc" | "desc" | undefined) ?? defaultDir;
  return {
    label, align, sorted: active ? dir : undefined,
    sortHref: withParams(base, current, { sort, dir: active ? (dir === "asc" ? "desc" : "asc") : defaultDir }),
  };
}
