import { DB_MOUNT, JWT_MOUNT, K8S_AUTH, type CompanyModel, type KvSecretModel } from "./company";
import { identityKey, type AccessModel } from "./access-model";

/**
 * Readers of a KV secret, stated from the construction (access-model.ts), one line per grant shape.
 * Only identities that exist in live Vault count (the Terraform-only canary role reads nothing).
 */
export function kvReaders(s: KvSecretModel, company: CompanyModel, access: AccessModel): string[] {
  const out = new Set<string>();
  const tier = s.env === "prod" ? "prod" : "nonprod";
  out.add(identityKey("kubernetes", K8S_AUTH[tier], s.service)); // svc-<service>-<tier>
  out.add(identityKey("kubernetes", K8S_AUTH[tier], "external-secrets")); // eso-<tier>: <mount>/data/*
  out.add("group:platform-admins"); // kv/data/*, kv-prod/data/*
  if (s.env === "dev") {
    out.add(`group:team-${s.team}`); // kv/data/<team>/dev/*
    out.add("group:contractors"); // kv/data/+/dev/*
  }
  if (s.env === "staging") for (const ci of ciRolesOfTeam(company, s.team)) out.add(ci); // ci-<team>: kv/data/<team>/staging/*
  if (s.env === "prod") {
    out.add(`group:team-${s.team}-oncall`); // kv-prod/data/<team>/prod/*
    if (s.team === access.driftTeam) out.add(`group:team-${s.team}`); // the click-ops rule, live only
    if (access.legacyBatchPaths.some((p) => p.path === s.path)) {
      out.add(identityKey("approle", "approle", "legacy-billing-export"));
      out.add(identityKey("approle", "approle", "legacy-ledger-sync"));
    }
  }
  return [...out].sort();
}

const ciCache = new WeakMap<CompanyModel, Map<string, string[]>>();
/** CI roles of a team's repositories (all carry the ci-<team> policy). */
export function ciRolesOfTeam(company: CompanyModel, team: string): string[] {
  let byTeam = ciCache.get(company);
  if (!byTeam) {
    byTeam = new Map();
    for (const svc of company.services) byTeam.set(svc.team, [...(byTeam.get(svc.team) ?? []), identityKey("jwt", JWT_MOUNT, `ci-${svc.name}`)]);
    ciCache.set(company, byTeam);
  }
  return byTeam.get(team) ?? [];
}

/** Identities with `list` on <mount>/metadata/<path> but no `read` on <mount>/data/<path>. */
export function kvListOnly(s: KvSecretModel, access: AccessModel): string[] {
  const out = new Set<string>(["group:security-auditors"]); // metadata-auditor: <mount>/metadata/*
  if (s.env === "staging") out.add(`group:team-${s.team}`); // kv/metadata/<team>/*
  if (s.env === "prod" && s.team !== access.driftTeam) out.add(`group:team-${s.team}`); // kv-prod/metadata/<team>/*
  // contractors hold team-<contractorTeam>: its longer kv-prod/metadata/<team>/* beats contractor's deny on kv-prod/metadata/*.
  if (s.team === access.contractorTeam && s.env !== "dev") out.add("group:contractors");
  return [...out].sort();
}

/** Dynamic and static database credentials, AWS deploy credentials: exact-path grants only. */
export interface DynamicSecretModel {
  mount: string;
  path: string;
  kind: "database-dynamic" | "database-static" | "aws";
  team: string;
  environment: "nonprod" | "prod" | "ci";
  service: string | null;
  readers: string[];
}

export function dynamicSecrets(company: CompanyModel, access: AccessModel): DynamicSecretModel[] {
  const out: DynamicSecretModel[] = [];
  for (const s of company.services) {
    if (!s.hasDatabase) continue;
    for (const tier of ["nonprod", "prod"] as const) {
      out.push({ mount: DB_MOUNT[tier], path: `creds/${s.name}`, kind: "database-dynamic", team: s.team, environment: tier, service: s.name, readers: [identityKey("kubernetes", K8S_AUTH[tier], s.name)] });
    }
  }
  out.push({
    mount: access.staticRole.mount, path: `static-creds/${access.staticRole.name}`, kind: "database-static", team: access.contractorTeam, environment: "prod", service: null,
    readers: [identityKey("approle", "approle", "legacy-billing-export"), identityKey("approle", "approle", "legacy-ledger-sync")],
  });
  for (const t of company.teams) {
    const readers = [...ciRolesOfTeam(company, t.name)].sort();
    out.push({ mount: "aws", path: `creds/deploy-${t.name}`, kind: "aws", team: t.name, environment: "ci", service: null, readers });
  }
  return out;
}
