import type { VaultWorld } from "../../vault-world";
import { APPROLE_MOUNT, DB_MOUNT, JWT_MOUNT, K8S_AUTH, OIDC_MOUNT, type CompanyModel } from "../company";
import { renderPolicyModel, type AccessModel, type IdentityModel, type PolicyModel } from "../access-model";
import { ciRoleOf, groupAliasName, kubernetesRoleOf } from "../vault-identities";
import type { DemoFile, TerraformCommit } from "../types";
import { heredoc, ident, raw, resource } from "./hcl";
import { renderBackends } from "./backends";

/** token_policies as references, so Terraform orders creation; names not managed here stay literal. */
const policyRefs = (names: string[], access: AccessModel): { raw: string } =>
  raw(`[${names.map((n) => (access.policyByName.get(n)?.terraform ? `vault_policy.${ident(n)}.name` : JSON.stringify(n))).join(", ")}]`);

function policyResource(p: PolicyModel): string {
  const text = renderPolicyModel(p, "terraform") as string;
  return resource("vault_policy", p.name, { name: p.name, policy: p.tfStyle === "file" ? raw(`file("\${path.module}/policies/${p.name}.hcl")`) : heredoc(text) });
}

function k8sRole(company: CompanyModel, access: AccessModel, id: IdentityModel): string {
  const r = kubernetesRoleOf(company, id);
  const backend = id.mount === K8S_AUTH.prod ? "kubernetes_prod" : "kubernetes_nonprod";
  return resource("vault_kubernetes_auth_backend_role", `${id.mount}_${id.name}`, {
    backend: raw(`vault_auth_backend.${backend}.path`), role_name: r.name,
    bound_service_account_names: r.boundServiceAccountNames, bound_service_account_namespaces: r.boundServiceAccountNamespaces,
    audience: r.audience, token_policies: policyRefs(r.tokenPolicies, access), token_ttl: r.tokenTtl, token_max_ttl: r.tokenMaxTtl,
  });
}

function jwtRole(access: AccessModel, id: IdentityModel): string {
  const r = ciRoleOf(id);
  return resource("vault_jwt_auth_backend_role", id.name, {
    backend: raw(`vault_jwt_auth_backend.${ident(JWT_MOUNT)}.path`), role_name: r.name, role_type: "jwt",
    bound_audiences: r.boundAudiences, bound_claims: r.boundClaims as Record<string, string>, user_claim: r.userClaim,
    token_policies: policyRefs(r.tokenPolicies, access), token_ttl: r.tokenTtl, token_max_ttl: r.tokenMaxTtl,
  });
}

/**
 * The Terraform repository that manages the cluster. It mirrors live Vault except for the drift listed
 * in ground truth: the click-ops policy is absent, the drift team's policy lacks the UI-added rule, and
 * the canary role exists only here (added by the last commit, never applied).
 */
export function renderTerraform(company: CompanyModel, access: AccessModel, world: VaultWorld, now: Date): { files: DemoFile[]; commits: TerraformCommit[] } {
  const files: DemoFile[] = [...renderBackends(world)];
  const tf = access.policies.filter((p) => p.terraform !== null);
  for (const p of tf.filter((x) => x.tfStyle === "file")) files.push({ path: `policies/${p.name}.hcl`, content: renderPolicyModel(p, "terraform") as string });
  files.push({ path: "policies.tf", content: tf.filter((x) => x.tfStyle === "file").map(policyResource).join("\n") });

  const canaryKey = `kubernetes:${access.canaryRole.mount}:${access.canaryRole.name}`;
  for (const team of company.teams) {
    const parts = [`# Team ${team.name}: service policies, workload roles and CI roles.\n`];
    parts.push(...tf.filter((p) => p.tfTeam === team.name).map(policyResource));
    const ids = access.identities.filter((i) => i.team === team.name && i.inTerraform && i.key !== canaryKey);
    parts.push(...ids.filter((i) => i.kind === "kubernetes").map((i) => k8sRole(company, access, i)));
    parts.push(...ids.filter((i) => i.kind === "jwt").map((i) => jwtRole(access, i)));
    for (const s of company.services.filter((x) => x.team === team.name && x.hasDatabase)) {
      for (const tier of ["nonprod", "prod"] as const) {
        parts.push(resource("vault_database_secret_backend_role", `${DB_MOUNT[tier]}_${s.name}`, {
          backend: raw(`vault_mount.${ident(DB_MOUNT[tier])}.path`), name: s.name, db_name: `${team.name}-postgres`,
          creation_statements: [`CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`, `GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${s.name.replace(/-/g, "_")} TO "{{name}}";`],
          default_ttl: 86_400, max_ttl: 604_800,
        }));
      }
    }
    files.push({ path: `team-${team.name}.tf`, content: parts.join("\n") });
  }
  const canary = access.identityByKey.get(canaryKey);
  const canaryFile = `team-${company.teams[0]?.name}-canary.tf`;
  if (canary) files.push({ path: canaryFile, content: `# Canary deployment role (merged, waiting for the next apply).\n${k8sRole(company, access, canary)}` });

  // Roles no team owns (External Secrets Operator per cluster) are managed here too: ground truth says inTerraform.
  const platformRoles = access.identities.filter((i) => i.kind === "kubernetes" && i.team === null && i.inTerraform);
  files.push({ path: "platform-roles.tf", content: `# Platform workload roles (no owning team).\n${platformRoles.map((i) => k8sRole(company, access, i)).join("\n")}` });

  const groups = access.identities.filter((i) => i.kind === "group");
  files.push({
    path: "identity.tf",
    content: groups.map((g) => resource("vault_identity_group", g.name, { name: g.name, type: "external", policies: policyRefs(g.policies, access) })
      + "\n" + resource("vault_identity_group_alias", `${g.name}_alias`, { name: groupAliasName(g.name), mount_accessor: raw(`vault_jwt_auth_backend.${ident(OIDC_MOUNT)}.accessor`), canonical_id: raw(`vault_identity_group.${ident(g.name)}.id`) })).join("\n"),
  });
  files.push({
    path: "approle.tf",
    content: access.identities.filter((i) => i.kind === "approle").map((i) => resource("vault_approle_auth_backend_role", i.name, {
      backend: raw(`vault_auth_backend.${ident(APPROLE_MOUNT)}.path`), role_name: i.name, token_policies: policyRefs(i.policies, access),
      secret_id_bound_cidrs: ["10.20.8.0/24"], token_ttl: 3600, token_max_ttl: 14_400,
    })).join("\n"),
  });
  files.sort((a, b) => a.path.localeCompare(b.path));
  const day = 86_400_000;
  const commits: TerraformCommit[] = [
    { message: "Vault configuration as code: mounts, auth methods, policies, roles", date: new Date(now.getTime() - 60 * day).toISOString(), paths: files.filter((f) => f.path !== canaryFile).map((f) => f.path) },
    { message: `${company.teams[0]?.name}: add canary kubernetes role (not yet applied)`, date: new Date(now.getTime() - 2 * day).toISOString(), paths: [canaryFile] },
  ];
  return { files: files.map((f) => ({ path: `terraform/${f.path}`, content: f.content })), commits };
}

