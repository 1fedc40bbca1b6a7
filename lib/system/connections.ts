import "server-only";
import { getConfig } from "@/lib/config";
import { checkDatabase } from "@/lib/db/health";
import { getVaultStatus } from "./vault-status";
import type { ConnectionRow } from "./types";

/** Plain rows for the dashboard's "Connections" card: never a token, password or secret. */
export async function getConnectionRows(): Promise<ConnectionRow[]> {
  const config = getConfig();
  const [vault, database] = await Promise.all([getVaultStatus(), checkDatabase()]);
  const rows: ConnectionRow[] = vault.map((v) => ({
    name: `Vault${v.clusterName ? ` · ${v.clusterName}` : ""}`,
    detail: v.address,
    state: !v.reachable ? "down" : v.sealed ? "warn" : "ok",
    note: !v.reachable ? (v.error ?? undefined) : v.sealed ? "sealed" : `version ${v.version}`,
  }));
  rows.push({ name: "PostgreSQL", detail: redactUrl(config.DATABASE_URL), state: database ? "ok" : "down" });
  rows.push({ name: "Sign-in (OIDC)", detail: config.OIDC_ISSUER, state: "ok" });
  rows.push({
    name: "Terraform repository",
    detail: config.TERRAFORM_REPO ?? "not configured",
    state: config.TERRAFORM_REPO ? "ok" : "warn",
    note: config.TERRAFORM_REPO ? `branch ${config.TERRAFORM_BRANCH}` : "set TERRAFORM_REPO",
  });
  return rows;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? "***" : "";
    return parsed.toString();
  } catch {
    return "(unparseable)";
  }
}
