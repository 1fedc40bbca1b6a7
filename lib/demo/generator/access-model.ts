import { APPROLE_MOUNT, DB_MOUNT, JWT_MOUNT, K8S_AUTH, OIDC_MOUNT, type CompanyModel, type KvSecretModel, type ServiceModel } from "./company";
import { renderPolicy, rule, type PolicyRule } from "./hcl-policy";
import { radiusReadonlyRules } from "./radius-readonly";

/**
 * Who is granted what, by construction. This is the oracle: readers are stated here from the shapes we
 * chose (see kvReaders), never by evaluating policies. readers-oracle.test.ts re-derives them with an
 * independent Vault-precedence matcher and must agree.
 */
export interface PolicyModel {
  name: string;
  /** Rules in live Vault, or null when the policy exists only in Terraform. */
  live: PolicyRule[] | null;
  /** Rules in the Terraform repo, or null when the policy exists only in Vault (click-ops). */
  terraform: PolicyRule[] | null;
  /** Inline heredoc in a team file, or a file() of policies/<name>.hcl. */
  tfStyle: "inline" | "file";
  tfTeam: string | null; // inline policies live in teams/<team>.tf
  comment: string;
}

export type IdentityKind = "kubernetes" | "jwt" | "approle" | "group";

export interface IdentityModel {
  key: string; // "kubernetes:<mount>:<role>", "jwt:<mount>:<role>", "approle:<mount>:<role>", "group:<name>"
  kind: IdentityKind;
  mount: string; // auth mount path (groups: the oidc mount of their alias, or "" for internal)
  name: string;
  policies: string[];
  inVault: boolean;
  inTerraform: boolean;
  team: string | null;
  service: string | null;
}

export interface AccessModel {
  policies: PolicyModel[];
  policyByName: Map<string, PolicyModel>;
  identities: IdentityModel[];
  identityByKey: Map<string, IdentityModel>;
  /** Team whose team policy was edited in the Vault UI (live rules differ from Terraform). */
  driftTeam: string;
  /** The team contractors also belong to (exercises deny vs a longer pattern). */
  contractorTeam: string;
  legacyBatchPaths: KvSecretModel[];
  staticRole: { mount: string; name: string };
  canaryRole: { mount: string; name: string; service: string };
  clickOpsPolicy: string;
}

export const identityKey = (kind: IdentityKind, mount: string, name: string): string => (kind === "group" ? `group:${name}` : `${kind}:${mount}:${name}`);

const svcPolicy = (s: ServiceModel, tier: "nonprod" | "prod"): string => `svc-${s.name}-${tier}`;

function servicePolicyRules(s: ServiceModel, tier: "nonprod" | "prod"): PolicyRule[] {
  if (tier === "nonprod") {
    // One `+` covers dev and staging: the team-policy shape the brief asks for.
    const rules = [rule(`kv/data/${s.team}/+/${s.name}/*`, "read"), rule(`kv/metadata/${s.team}/+/${s.name}/*`, "read", "list")];
    if (s.hasDatabase) rules.push(rule(`${DB_MOUNT.nonprod}/creds/${s.name}`, "read"));
    return rules;
  }
  const rules = [rule(`kv-prod/data/${s.team}/prod/${s.name}/*`, "read"), rule(`kv-prod/metadata/${s.team}/prod/${s.name}/*`, "read", "list")];
  if (s.hasDatabase) rules.push(rule(`${DB_MOUNT.prod}/creds/${s.name}`, "read"));
  return rules;
}

function teamPolicyRules(team: string): PolicyRule[] {
  return [rule(`kv/data/${team}/dev/*`, "read"), rule(`kv/metadata/${team}/*`, "read", "list"), rule(`kv-prod/metadata/${team}/*`, "list")];
}

export function buildAccessModel(company: CompanyModel): AccessModel {
  const { teams, services } = company;
  const t0 = (teams[0] as { name: string }).name;
  const driftTeam = (teams[Math.min(3, teams.length - 1)] as { name: string }).name;
  const s0 = services[0] as ServiceModel;
  const policies: PolicyModel[] = [];
  const identities: IdentityModel[] = [];
  const addPolicy = (p: Omit<PolicyModel, "terraform"> & { terraform?: PolicyRule[] | null }): void => {
    policies.push({ ...p, terraform: p.terraform === undefined ? p.live : p.terraform });
  };
  const addIdentity = (kind: IdentityKind, mount: string, name: string, policyNames: string[], extra: Partial<IdentityModel> = {}): void => {
    identities.push({ key: identityKey(kind, mount, name), kind, mount, name, policies: policyNames, inVault: true, inTerraform: true, team: null, service: null, ...extra });
  };

  for (const s of services) {
    for (const tier of ["nonprod", "prod"] as const) {
      addPolicy({ name: svcPolicy(s, tier), live: servicePolicyRules(s, tier), tfStyle: "inline", tfTeam: s.team, comment: `${s.name} workloads (${tier})` });
      addIdentity("kubernetes", K8S_AUTH[tier], s.name, [svcPolicy(s, tier)], { team: s.team, service: s.name });
    }
    addIdentity("jwt", JWT_MOUNT, `ci-${s.name}`, [`ci-${s.team}`], { team: s.team, service: s.name });
  }
  // Terraform-only role: merged in the repo, never applied (drift).
  const canaryRole = { mount: K8S_AUTH.prod, name: `${s0.name}-canary`, service: s0.name };
  addIdentity("kubernetes", canaryRole.mount, canaryRole.name, [svcPolicy(s0, "prod")], { inVault: false, team: s0.team, service: s0.name });

  for (const { name: team } of teams) {
    const tf = teamPolicyRules(team);
    // Click-ops drift: someone granted the drift team's engineers prod reads in the UI.
    const live = team === driftTeam ? [...tf, rule(`kv-prod/data/${team}/prod/*`, "read")] : tf;
    addPolicy({ name: `team-${team}`, live, terraform: tf, tfStyle: "inline", tfTeam: team, comment: `${team} engineers: read dev, list everything of the team` });
    addPolicy({ name: `oncall-${team}`, live: [rule(`kv-prod/data/${team}/prod/*`, "read"), rule(`kv-prod/metadata/${team}/prod/*`, "read", "list")], tfStyle: "inline", tfTeam: team, comment: `${team} on-call: read prod` });
    addPolicy({ name: `ci-${team}`, live: [rule(`kv/data/${team}/staging/*`, "read"), rule(`aws/creds/deploy-${team}`, "read")], tfStyle: "inline", tfTeam: team, comment: `${team} CI pipelines: staging secrets and deploy credentials` });
    addIdentity("group", OIDC_MOUNT, `team-${team}`, [`team-${team}`], { team });
    addIdentity("group", OIDC_MOUNT, `team-${team}-oncall`, [`oncall-${team}`], { team });
  }

  const secretsOf = (svc: ServiceModel, env: "prod"): KvSecretModel[] => company.secretsBySlot.get(`${svc.name}/${env}`) ?? [];
  const legacyBatchPaths = secretsOf(s0, "prod").slice(0, 2);
  const staticRole = { mount: DB_MOUNT.prod, name: `${t0}-reporting` };
  const shared: Array<[string, PolicyRule[], string]> = [
    ["platform-admin", [rule("kv/data/*", "create", "read", "update", "delete", "list"), rule("kv/metadata/*", "read", "list", "delete"), rule("kv-prod/data/*", "read", "list"), rule("kv-prod/metadata/*", "read", "list"), rule("sys/mounts", "read"), rule("sys/policies/acl/*", "read", "list")], "Platform administrators: broad KV access"],
    ["contractor", [rule("kv/data/+/dev/*", "read"), rule("kv/metadata/+/dev/*", "read", "list"), rule("kv-prod/data/*", "deny"), rule("kv-prod/metadata/*", "deny")], "Contractors: dev only, production denied"],
    ["metadata-auditor", [rule("kv/metadata/*", "read", "list"), rule("kv-prod/metadata/*", "read", "list")], "Security auditors: metadata only, never values"],
    ["user-scratch", [rule("kv/data/users/{{identity.entity.name}}/*", "create", "read", "update", "delete"), rule("kv/metadata/users/{{identity.entity.name}}/*", "read", "list", "delete")], "Personal scratch space (templated)"],
    ["eso-nonprod", [rule("kv/data/*", "read")], "External Secrets Operator, non-production cluster"],
    ["eso-prod", [rule("kv-prod/data/*", "read")], "External Secrets Operator, production cluster"],
    ["legacy-batch", [...legacyBatchPaths.map((s) => rule(`kv-prod/data/${s.path}`, "read")), rule(`${staticRole.mount}/static-creds/${staticRole.name}`, "read")], "Legacy batch jobs (AppRole): exact paths only"],
    ["radius-readonly", radiusReadonlyRules(), "Radius portal: metadata and configuration reads only, never a data path"],
    ["demo-writer", [rule("kv/data/*", "create", "read", "update", "delete"), rule("kv-prod/data/*", "create", "read", "update", "delete"), rule("kv/metadata/*", "read", "list", "delete"), rule("kv-prod/metadata/*", "read", "list", "delete"), rule("sys/policies/acl/*", "create", "read", "update", "delete", "list")], "Write-capable token for tests of the portal's refusal to run with write rights"],
  ];
  for (const [name, rules, comment] of shared) addPolicy({ name, live: rules, tfStyle: "file", tfTeam: null, comment });
  const clickOpsPolicy = `debug-${t0}-prod`;
  addPolicy({ name: clickOpsPolicy, live: [rule(`kv-prod/data/${t0}/prod/*`, "read")], terraform: null, tfStyle: "file", tfTeam: null, comment: "created in the UI during an incident" });

  for (const tier of ["nonprod", "prod"] as const) addIdentity("kubernetes", K8S_AUTH[tier], "external-secrets", [`eso-${tier}`]);
  addIdentity("approle", APPROLE_MOUNT, "legacy-billing-export", ["legacy-batch"], { team: t0 });
  addIdentity("approle", APPROLE_MOUNT, "legacy-ledger-sync", ["legacy-batch"], { team: t0 });
  addIdentity("group", OIDC_MOUNT, "platform-admins", ["platform-admin"]);
  addIdentity("group", OIDC_MOUNT, "contractors", ["contractor", `team-${t0}`]);
  addIdentity("group", OIDC_MOUNT, "security-auditors", ["metadata-auditor"]);
  addIdentity("group", OIDC_MOUNT, "engineering", ["user-scratch"]);

  return {
    policies, policyByName: new Map(policies.map((p) => [p.name, p])),
    identities, identityByKey: new Map(identities.map((i) => [i.key, i])),
    driftTeam, contractorTeam: t0, legacyBatchPaths, staticRole, canaryRole, clickOpsPolicy,
  };
}

export const renderPolicyModel = (p: PolicyModel, which: "live" | "terraform"): string | null => {
  const rules = which === "live" ? p.live : p.terraform;
  return rules ? renderPolicy(rules, p.comment) : null;
};
