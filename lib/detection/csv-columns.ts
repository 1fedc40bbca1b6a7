import type { CsvColumn } from "@/lib/inventory/csv";
import type { AlertRow } from "./views";

export const ALERT_CSV: readonly CsvColumn<AlertRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "rule", value: (r) => r.rule },
  { header: "severity", value: (r) => r.severity },
  { header: "status", value: (r) => r.status },
  { header: "subject", value: (r) => r.subject },
  { header: "count", value: (r) => r.count },
  { header: "first_seen", value: (r) => r.firstSeen },
  { header: "last_seen", value: (r) => r.lastSeen },
  { header: "assignee", value: (r) => r.assignee },
  { header: "summary", value: (r) => r.summary },
];
