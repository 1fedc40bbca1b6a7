/**
 * Audit entries -> the stable keys of lib/sync/snapshot-data.ts, against one cluster of the active
 * snapshot. Tokens and accessors arrive HMAC'd, so the identity comes from what Vault writes in
 * plain text: the auth mount of the login that issued the token (remembered per HMAC'd accessor),
 * else the mount the display name starts with ("kubernetes-prod-<ns>-<sa>", "github-actions-<svc>"),
 * and the role in auth.metadata (`role`; AppRole writes `role_name`). Humans hold policies through
 * identity groups (auth.identity_policies): a read is attributed to the group whose policies granted
 * it, as the ground truth does. The secret is the one whose data path is the request path.
 */
import type { AuditEntry } from "./parse-entry";

export interface KeyIndexInput {
  cluster: string;
  secrets: readonly { key: string; dataPath: string }[];
  identities: readonly { key: string; authMount: string; kind: string; roleName: string; policies: readonly string[] }[];
  /** Read grants held by group identities (to tell which of a human's groups granted a read). */
  groupReadGrants: readonly { identityKey: string; secretKey: string }[];
}

interface GroupInfo {
  key: string;
  policies: Set<string>;
  policySet: string;
}

const ACCESSOR_CACHE_LIMIT = 500_000;

export class KeyResolver {
  readonly cluster: string;
  private readonly secretByDataPath = new Map<string, string>();
  private readonly identityKeys = new Set<string>();
  private readonly authMounts: string[];
  private readonly approleByRole = new Map<string, string>();
  private readonly groups: GroupInfo[];
  private readonly groupGrants = new Set<string>();
  /** HMAC'd accessor -> auth mount, learnt from login responses. */
  private readonly accessorMount = new Map<string, string>();
  private readonly groupChoice = new Map<string, string | null>();

  constructor(input: KeyIndexInput) {
    this.cluster = input.cluster;
    for (const s of input.secrets) if (s.dataPath) this.secretByDataPath.set(s.dataPath, s.key);
    const mounts = new Set<string>();
    const groups: GroupInfo[] = [];
    for (const i of input.identities) {
      this.identityKeys.add(i.key);
      if (i.kind === "group") {
        groups.push({ key: i.key, policies: new Set(i.policies), policySet: [...i.policies].sort().join(",") });
        continue;
      }
      mounts.add(i.authMount);
      if (i.kind === "approle") this.approleByRole.set(i.roleName, this.approleByRole.has(i.roleName) ? "" : i.key);
    }
    this.authMounts = [...mounts].sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.groups = groups.sort((a, b) => a.key.localeCompare(b.key));
    for (const g of input.groupReadGrants) this.groupGrants.add(`${g.identityKey}\u0000${g.secretKey}`);
  }

  get secretCount(): number {
    return this.secretByDataPath.size;
  }

  resolveSecret(e: AuditEntry): string | null {
    return e.path === null ? null : (this.secretByDataPath.get(e.path) ?? null);
  }

  resolveIdentity(e: AuditEntry, secretKey: string | null): string | null {
    if (e.login && e.tokenAccessor) this.rememberAccessor(e.tokenAccessor, e.login.authMount);
    if (e.identityPolicies.length > 0) return this.resolveGroup(e.identityPolicies, secretKey);
    const meta = e.metadata;
    if (!meta) return null;
    const role = typeof meta.role === "string" ? meta.role : null;
    const roleName = typeof meta.role_name === "string" ? meta.role_name : null;
    const mount = e.login?.authMount ?? (e.tokenAccessor ? this.accessorMount.get(e.tokenAccessor) : undefined) ?? this.mountOfDisplayName(e.displayName);
    if (roleName) {
      if (mount) return `${this.cluster}:${mount}/${roleName}`;
      const approle = this.approleByRole.get(roleName);
      return approle ? approle : null;
    }
    if (role && mount) return `${this.cluster}:${mount}/${role}`;
    return null;
  }

  private rememberAccessor(accessor: string, mount: string): void {
    if (this.accessorMount.size >= ACCESSOR_CACHE_LIMIT) this.accessorMount.clear();
    this.accessorMount.set(accessor, mount);
  }

  /** The longest known auth mount that the display name starts with (Vault writes "<mount>-<name>"). */
  private mountOfDisplayName(displayName: string | null): string | undefined {
    if (!displayName) return undefined;
    return this.authMounts.find((m) => displayName === m || displayName.startsWith(`${m}-`));
  }

  /**
   * Among the groups whose policies the token carries: those holding a read grant on the secret,
   * then the one whose policy set is exactly the token's, then the first by key. Deterministic per
   * (policies, secret), so the request and response lines of one read agree.
   */
  private resolveGroup(identityPolicies: string[], secretKey: string | null): string | null {
    const memo = `${identityPolicies.join(",")}\u0000${secretKey ?? ""}`;
    const known = this.groupChoice.get(memo);
    if (known !== undefined) return known;
    let candidates = this.groups.filter((g) => identityPolicies.some((p) => g.policies.has(p)));
    if (secretKey) {
      const granted = candidates.filter((g) => this.groupGrants.has(`${g.key}\u0000${secretKey}`));
      if (granted.length > 0) candidates = granted;
    }
    const exact = [...identityPolicies].sort().join(",");
    const choice = candidates.find((g) => g.policySet === exact) ?? candidates[0];
    const result = choice?.key ?? null;
    if (this.groupChoice.size >= ACCESSOR_CACHE_LIMIT) this.groupChoice.clear();
    this.groupChoice.set(memo, result);
    return result;
  }
}
