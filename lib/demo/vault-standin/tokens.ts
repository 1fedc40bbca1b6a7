/** Token resolution: the world's tokens, with the `default` policy attached as Vault does at creation. */
import type { VaultToken } from "../vault-world";

export interface TokenView {
  token: VaultToken;
  isRoot: boolean;
  /** Policies the ACL is built from (token policies + "default" unless root), sorted. */
  policies: string[];
}

export function buildTokenIndex(tokens: readonly VaultToken[]): Map<string, TokenView> {
  const byId = new Map<string, TokenView>();
  for (const token of tokens) {
    const isRoot = token.policies.includes("root");
    // Vault adds "default" to every token it creates (unless no_default_policy); the root token has only "root".
    const policies = isRoot ? ["root"] : [...new Set(["default", ...token.policies])].sort();
    byId.set(token.id, { token, isRoot, policies });
  }
  return byId;
}

/** X-Vault-Token wins; otherwise `Authorization: Bearer <token>`, as Vault reads it. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const header = headers["x-vault-token"];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct) return direct;
  const auth = headers["authorization"];
  const value = Array.isArray(auth) ? auth[0] : auth;
  const m = value ? /^Bearer\s+(.+)$/i.exec(value) : null;
  return m ? m[1]!.trim() : null;
}
