/**
 * For tests: a small Terraform repository in the demo organisation's style (heredoc policies,
 * policies/*.hcl via file(), token_policies by reference, identity groups) and snapshot facts that
 * agree with it, plus one click-ops policy that exists in live Vault only.
 */
import { parsePolicy } from "@/lib/policy";
import type { IdentityRecord } from "@/lib/sync/snapshot-data";
import type { ChangeFacts, PolicyFact, SecretFact } from "./facts";
import { metadataPathOf } from "./facts";
import { buildTerraformRepo, type TerraformRepo } from "./render/terraform-repo";

export const CLUSTER = "primary";

const heredocPolicy = (resource: string, name: string, text: string) =>
  `resource "vault_policy" "${resource}" {\n  name   = "${name}"\n  policy = <<-EOT\n${text.trimEnd().split("\n").map((l) => (l ? `    ${l}` : "")).join("\n")}\n  EOT\n}\n`;

export const POLICY_TEXTS: Record<string, string> = {
  "svc-payments-api-prod": `# payments-api workloads (prod)\npath "kv-prod/data/payments/prod/payments-api/*" {\n  capabilities = ["read"]\n}\n\npath "kv-prod/metadata/payments/prod/payments-api/*" {\n  capabilities = ["read", "list"]\n}\n`,
  "ci-payments": `# payments CI\npath "kv/data/payments/staging/*" {\n  capabilities = ["read"]\n}\n`,
  "team-payments": `path "kv/data/payments/dev/*" {\n  capabilities = ["read"]\n}\n\npath "kv/metadata/payments/*" {\n  capabilities = ["read", "list"]\n}\n`,
  "legacy-batch": `# exact paths only\npath "kv-prod/data/payments/prod/legacy/license" {\n  capabilities = ["read"]\n}\n`,
  contractor: `# Contractors: dev only, production denied\npath "kv/data/+/dev/*" {\n  capabilities = ["read"]\n}\n\npath "kv-prod/data/*" {\n  capabilities = ["deny"]\n}\n`,
  "eso-prod": `# External Secrets Operator, production\npath "kv-prod/data/*" {\n  capabilities = ["read"]\n}\n`,
};

export const CLICK_OPS = { name: "debug-payments-prod", text: `path "kv-prod/data/payments/prod/*" {\n  capabilities = ["read"]\n}\n` };

export function fixtureFiles(): Map<string, string> {
  return new Map([
    ["versions.tf", `terraform {\n  required_version = ">= 1.6"\n}\n`],
    ["mounts.tf", `resource "vault_mount" "kv" {\n  path = "kv"\n  type = "kv"\n  options = {\n    version = "2"\n  }\n}\n\nresource "vault_mount" "kv_prod" {\n  path = "kv-prod"\n  type = "kv"\n  options = {\n    version = "2"\n  }\n}\n`],
    ["auth.tf", `resource "vault_auth_backend" "kubernetes_prod" {\n  type = "kubernetes"\n  path = "kubernetes-prod"\n}\n\nresource "vault_jwt_auth_backend" "github_actions" {\n  path = "github-actions"\n  type = "jwt"\n}\n\nresource "vault_auth_backend" "approle" {\n  type = "approle"\n  path = "approle"\n}\n`],
    ["team-payments.tf", [
      "# Team payments: service policies, workload roles and CI roles.\n",
      heredocPolicy("svc_payments_api_prod", "svc-payments-api-prod", POLICY_TEXTS["svc-payments-api-prod"] as string),
      heredocPolicy("ci_payments", "ci-payments", POLICY_TEXTS["ci-payments"] as string),
      `resource "vault_kubernetes_auth_backend_role" "kubernetes_prod_payments_api" {\n  backend                          = vault_auth_backend.kubernetes_prod.path\n  role_name                        = "payments-api"\n  bound_service_account_names      = ["payments-api"]\n  bound_service_account_namespaces = ["payments-prod"]\n  token_policies                   = [vault_policy.svc_payments_api_prod.name]\n  token_ttl                        = 3600\n}\n`,
      `resource "vault_jwt_auth_backend_role" "ci_payments_api" {\n  backend   = vault_jwt_auth_backend.github_actions.path\n  role_name = "ci-payments-api"\n  role_type = "jwt"\n  bound_claims = {\n    repository = "acme/payments-api"\n  }\n  user_claim     = "actor"\n  token_policies = [vault_policy.ci_payments.name]\n}\n`,
      `resource "vault_jwt_auth_backend_role" "ci_payments_gateway" {\n  backend    = vault_jwt_auth_backend.github_actions.path\n  role_name  = "ci-payments-gateway"\n  role_type  = "jwt"\n  user_claim = "actor"\n  token_policies = [\n    vault_policy.ci_payments.name,\n  ]\n}\n`,
    ].join("\n")],
    ["policies.tf", ["contractor", "eso-prod", "legacy-batch"].map((n) => `resource "vault_policy" "${n.replace(/-/g, "_")}" {\n  name   = "${n}"\n  policy = file("\${path.module}/policies/${n}.hcl")\n}\n`).join("\n")],
    ["policies/contractor.hcl", POLICY_TEXTS.contractor as string],
    ["policies/eso-prod.hcl", POLICY_TEXTS["eso-prod"] as string],
    ["policies/legacy-batch.hcl", POLICY_TEXTS["legacy-batch"] as string],
    ["identity.tf", [
      heredocPolicy("team_payments", "team-payments", POLICY_TEXTS["team-payments"] as string),
      `resource "vault_identity_group" "team_payments" {\n  name     = "team-payments"\n  type     = "external"\n  policies = [vault_policy.team_payments.name]\n}\n`,
      `resource "vault_identity_group" "contractors" {\n  name     = "contractors"\n  type     = "external"\n  policies = [vault_policy.contractor.name]\n}\n`,
    ].join("\n")],
    ["approle.tf", `resource "vault_approle_auth_backend_role" "legacy_export" {\n  backend        = vault_auth_backend.approle.path\n  role_name      = "legacy-export"\n  token_policies = [vault_policy.legacy_batch.name]\n}\n`],
  ]);
}

export function fixtureRepo(files = fixtureFiles()): Promise<TerraformRepo> {
  return buildTerraformRepo(".", files);
}

const identity = (key: string, kind: IdentityRecord["kind"], policies: string[]): IdentityRecord => {
  const [, rest] = key.split(":") as [string, string];
  const slash = rest.lastIndexOf("/");
  return { key, cluster: CLUSTER, authMount: rest.slice(0, slash), authType: kind, roleName: rest.slice(slash + 1), kind, displayName: null, bindings: {}, policies, ttlSeconds: null, maxTtlSeconds: null };
};

export const KEYS = {
  paymentsApi: `${CLUSTER}:kubernetes-prod/payments-api`,
  ciApi: `${CLUSTER}:github-actions/ci-payments-api`,
  ciGateway: `${CLUSTER}:github-actions/ci-payments-gateway`,
  teamPayments: `${CLUSTER}:group/team-payments`,
  contractors: `${CLUSTER}:group/contractors`,
  eso: `${CLUSTER}:kubernetes-prod/eso`,
  legacy: `${CLUSTER}:approle/legacy-export`,
  stripe: `${CLUSTER}:kv-prod/payments/prod/payments-api/stripe-key`,
  dbPassword: `${CLUSTER}:kv-prod/payments/prod/payments-api/db-password`,
  staging: `${CLUSTER}:kv/payments/staging/deploy-key`,
  license: `${CLUSTER}:kv-prod/payments/prod/legacy/license`,
  devKey: `${CLUSTER}:kv/payments/dev/api-key`,
};

function secret(key: string, meta: Record<string, string> = {}): SecretFact {
  const [, rest] = key.split(":") as [string, string];
  const mount = rest.startsWith("kv-prod/") ? "kv-prod" : "kv";
  const path = rest.slice(mount.length + 1);
  return {
    key, cluster: CLUSTER, mount, path, engineKind: "kv-v2", dataPath: `${mount}/data/${path}`, metadataPath: metadataPathOf({ engineKind: "kv-v2", mount, path }),
    environment: mount === "kv-prod" ? "prod" : "dev", ownerTeam: "team-payments", classification: "confidential", rotationPeriodSeconds: 2_592_000,
    customMetadata: { owner: "team-payments", rotation_period: "720h", ...meta },
  };
}

export async function fixtureFacts(overrides: { secrets?: SecretFact[] } = {}): Promise<ChangeFacts> {
  const policies: PolicyFact[] = [];
  for (const [name, text] of [...Object.entries(POLICY_TEXTS), [CLICK_OPS.name, CLICK_OPS.text] as const]) {
    policies.push({ cluster: CLUSTER, name, origin: "live", rawHcl: text, parsed: await parsePolicy(name, text) });
    if (name !== CLICK_OPS.name) policies.push({ cluster: CLUSTER, name, origin: "terraform", rawHcl: text, parsed: await parsePolicy(name, text) });
  }
  policies.push({ cluster: CLUSTER, name: "default", origin: "live", rawHcl: "", parsed: await parsePolicy("default", "") });
  const secrets = overrides.secrets ?? [
    secret(KEYS.stripe, { "team/notes": "card processor", description: 'quote " and ${x}' }),
    secret(KEYS.dbPassword),
    secret(KEYS.staging),
    secret(KEYS.license),
    secret(KEYS.devKey),
  ];
  return {
    snapshotId: "00000000-0000-4000-8000-000000000001",
    identities: [
      identity(KEYS.paymentsApi, "kubernetes", ["svc-payments-api-prod"]),
      identity(KEYS.ciApi, "jwt", ["ci-payments"]),
      identity(KEYS.ciGateway, "jwt", ["ci-payments"]),
      identity(KEYS.teamPayments, "group", ["team-payments"]),
      identity(KEYS.contractors, "group", ["contractor"]),
      identity(KEYS.eso, "kubernetes", ["eso-prod"]),
      identity(KEYS.legacy, "approle", ["legacy-batch"]),
    ],
    memberships: [],
    policies,
    kvMounts: [{ cluster: CLUSTER, mount: "kv" }, { cluster: CLUSTER, mount: "kv-prod" }],
    secret: async (key) => secrets.find((s) => s.key === key) ?? null,
    secretsUnder: async (cluster, prefixes) => secrets.filter((s) => s.cluster === cluster && prefixes.some((p) => s.dataPath.startsWith(p) || (s.metadataPath ?? "").startsWith(p))),
  };
}
