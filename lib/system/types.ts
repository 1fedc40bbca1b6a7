/** One part Radius depends on, as the dashboard shows it (plain, serialisable, never a credential). */
export interface ConnectionRow {
  name: string;
  detail: string;
  state: "ok" | "warn" | "down";
  note?: string;
}
