/** What the global setup hands to test files (plain JSON: it crosses process boundaries). */
export interface TestPostgres {
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** URL of the migrated template database. Tests must not connect to it (cloning needs it idle). */
  templateUrl: string;
}

export const TEMPLATE_DATABASE = "radius_template";

/** The URL of another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
