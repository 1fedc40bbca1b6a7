import type { CsvColumn } from "@/lib/inventory/csv";
import type { DriftRow } from "./types";

/** Columns of the drift CSV: one row per drifted resource, its differences joined in one cell. */
export const DRIFT_CSV: CsvColumn<DriftRow>[] = [
  { header: "cluster", value: (r) => r.cluster },
  { header: "kind", value: (r) => r.kind },
  { header: "name", value: (r) => r.name },
  { header: "status", value: (r) => r.status },
  { header: "explanation", value: (r) => r.explanation },
  { header: "differences", value: (r) => r.differences.map((d) => d.text).join(" | ") },
  { header: "terraform_file", value: (r) => r.terraform?.file },
  { header: "terraform_line", value: (r) => r.terraform?.line },
  { header: "terraform_address", value: (r) => r.terraform?.address },
  { header: "terraform_commit", value: (r) => r.commit },
];
