/**
 * Policies by name (raw text + parsed rules), and a cache of compiled ACLs per policy set.
 * Writes through sys/policies/acl or sys/policy change this store, so a token's rights change
 * exactly as they would in Vault.
 */
import { compileAcl, parsePolicyRules, type CompiledAcl, type PolicyRule } from "./acl";
import { DEFAULT_POLICY_HCL } from "./default-policy";

interface StoredPolicy {
  raw: string;
  rules: PolicyRule[];
}

export class PolicyStore {
  private readonly policies = new Map<string, StoredPolicy>();
  private readonly aclCache = new Map<string, CompiledAcl>();
  private sortedNames: string[] | null = null;

  static async load(texts: Record<string, string>): Promise<PolicyStore> {
    const store = new PolicyStore();
    const all = { default: DEFAULT_POLICY_HCL, ...texts };
    for (const [name, raw] of Object.entries(all)) {
      if (name.toLowerCase() === "root") continue; // built in, never stored
      await store.put(name, raw);
    }
    return store;
  }

  /** Parses first, so a bad policy is rejected and the old one kept (as Vault does). */
  async put(name: string, raw: string): Promise<void> {
    const rules = await parsePolicyRules(name, raw);
    this.policies.set(name.toLowerCase(), { raw, rules });
    this.invalidate();
  }

  delete(name: string): void {
    this.policies.delete(name.toLowerCase());
    this.invalidate();
  }

  get(name: string): StoredPolicy | undefined {
    return this.policies.get(name.toLowerCase());
  }

  /** Stored names in storage (sorted) order; callers append "root" where Vault does. */
  names(): string[] {
    return (this.sortedNames ??= [...this.policies.keys()].sort());
  }

  /** The ACL of a token: root bypasses everything; unknown policy names are ignored, as in Vault. */
  aclFor(policyNames: readonly string[]): CompiledAcl {
    const key = [...policyNames].sort().join("\n");
    let acl = this.aclCache.get(key);
    if (!acl) {
      const isRoot = policyNames.includes("root");
      const rules = policyNames.map((n) => this.get(n)?.rules).filter((r): r is PolicyRule[] => !!r);
      acl = compileAcl(rules, isRoot);
      this.aclCache.set(key, acl);
    }
    return acl;
  }

  private invalidate(): void {
    this.aclCache.clear();
    this.sortedNames = null;
  }
}
