import { APPROLE_MOUNT, JWT_MOUNT, K8S_AUTH, OIDC_MOUNT, type CompanyModel, type KvSecretModel } from "../company";
import type { AccessModel, IdentityModel } from "../access-model";
import type { ConsumptionEdge, DistributionModel, WorkloadModel } from "../distribution/consumers";
import type { AuditAuth } from "./audit-format";
import { AuditContext, NETWORK, ip } from "./audit-context";
import { anyTime, businessTime } from "./audit-times";

const PEOPLE = ["alex.schmidt", "maria.garcia", "jonas.weber", "li.chen", "sam.okafor", "nina.novak", "omar.haddad", "eva.larsen", "kim.park", "tom.muller"];
const MAX_READS_PER_SESSION = 8;

export const humanEmail = (i: number): string => `${PEOPLE[i % PEOPLE.length]}@acme.example`;

export function humanAuth(ctx: AuditContext, group: IdentityModel, email: string, at: Date): AuditAuth {
  return ctx.session(`human:${email}`, at, {
    displayName: `oidc-${email}`, policies: ["default", ...group.policies], tokenPolicies: ["default"], identityPolicies: group.policies,
    metadata: { role: "engineer", username: email }, tokenTtl: 28_800,
  });
}

export function humanLogin(ctx: AuditContext, auth: AuditAuth, at: Date, remote: string): void {
  const path = `auth/${OIDC_MOUNT}/oidc/callback`;
  ctx.events.push({ time: at, auth: null, operation: "read", path, mount: ctx.mountOf(path), remoteAddress: remote, requestData: { state: "st_x", code: "c_x" }, responseAuth: auth });
}

export function approleAuth(ctx: AuditContext, id: IdentityModel, at: Date): AuditAuth {
  return ctx.session(id.key, at, { displayName: "approle", policies: ["default", ...id.policies], tokenPolicies: ["default", ...id.policies], metadata: { role_name: id.name }, tokenTtl: 3600 });
}

/** One pod start (or one CI run): a login, then a read of every secret the workload consumes. */
function workloadSession(ctx: AuditContext, access: AccessModel, w: WorkloadModel, edges: ConsumptionEdge[], prodHoursOnly: boolean): void {
  const { rng, now, windowStart } = ctx;
  const at = w.env === "prod" && prodHoursOnly ? businessTime(rng, now, windowStart) : anyTime(rng, now, windowStart);
  const identity = access.identityByKey.get(edges[0]?.identity ?? "");
  if (!identity) return;
  let auth: AuditAuth;
  let remote: string;
  if (identity.kind === "jwt") {
    remote = ip.runner(rng);
    auth = ctx.session(identity.key, at, { displayName: `${JWT_MOUNT}-${w.service}`, policies: ["default", ...identity.policies], tokenPolicies: ["default", ...identity.policies], metadata: { role: identity.name, repository: `acme/${w.service}`, ref: "refs/heads/main" }, tokenTtl: 900 });
    ctx.login(JWT_MOUNT, at, remote, { jwt: rng.hex(32), role: identity.name }, auth);
  } else {
    const tier = identity.mount === K8S_AUTH.prod ? "prod" : "nonprod";
    const eso = identity.name === "external-secrets";
    const ns = eso ? "external-secrets" : (w.namespace ?? "");
    const sa = eso ? "external-secrets" : (w.serviceAccount ?? "");
    remote = ip.pod(rng, tier);
    auth = ctx.session(identity.key, at, {
      displayName: `${identity.mount}-${ns}-${sa}`, policies: ["default", ...identity.policies], tokenPolicies: ["default", ...identity.policies],
      metadata: { role: identity.name, service_account_name: sa, service_account_namespace: ns, service_account_uid: ctx.entityId(`${ns}/${sa}`), service_account_secret_name: "" }, tokenTtl: 3600,
    });
    ctx.login(identity.mount, at, remote, { jwt: rng.hex(32), role: identity.name }, auth);
  }
  edges.slice(0, MAX_READS_PER_SESSION).forEach((e, k) => {
    const t = new Date(at.getTime() + 40 + k * 35);
    if (e.mount === "kv" || e.mount === "kv-prod") ctx.kvRead(identity.key, auth, e.mount, e.path, t, remote, identity.policies);
    else ctx.credsRead(identity.key, auth, e.mount, e.path, t, remote, identity.policies);
  });
}

/**
 * Normal traffic only: workloads at start-up, engineers reading dev (and on-call reading prod during
 * business hours), the legacy batch job, the portal's own metadata sync. Production reads happen in
 * business hours only, so the clean log raises no alert.
 */
export function writeNormalTraffic(ctx: AuditContext, company: CompanyModel, access: AccessModel, dist: DistributionModel, sessions: number): void {
  const { rng, now, windowStart } = ctx;
  const edgesByWorkload = new Map<string, ConsumptionEdge[]>();
  for (const e of dist.edges) edgesByWorkload.set(e.workload, [...(edgesByWorkload.get(e.workload) ?? []), e]);
  const order = rng.sample(dist.workloads.filter((w) => edgesByWorkload.has(w.key)), dist.workloads.length);
  const workloadSessions = Math.round(sessions * 0.85);
  for (let i = 0; i < workloadSessions && order.length; i++) {
    const w = order[i % order.length] as WorkloadModel;
    workloadSession(ctx, access, w, edgesByWorkload.get(w.key) ?? [], true);
  }

  const byTeamEnv = new Map<string, KvSecretModel[]>();
  for (const s of company.kvSecrets) byTeamEnv.set(`${s.team}/${s.env}`, [...(byTeamEnv.get(`${s.team}/${s.env}`) ?? []), s]);
  const humanSessions = Math.max(10, Math.round(sessions * 0.1));
  for (let i = 0; i < humanSessions; i++) {
    const team = rng.pick(company.teams).name;
    const oncall = rng.chance(0.4);
    const group = access.identityByKey.get(oncall ? `group:team-${team}-oncall` : `group:team-${team}`);
    const pool = byTeamEnv.get(`${team}/${oncall ? "prod" : "dev"}`) ?? [];
    if (!group || pool.length === 0) continue;
    const at = oncall ? businessTime(rng, now, windowStart) : anyTime(rng, now, windowStart);
    const remote = ip.vpn(rng);
    const auth = humanAuth(ctx, group, humanEmail(i), at);
    humanLogin(ctx, auth, at, remote);
    const s = rng.pick(pool);
    ctx.kvRead(group.key, auth, s.mount, s.path, new Date(at.getTime() + rng.int(5_000, 90_000)), remote, group.policies);
  }

  // The legacy export job: weekday mornings, exact paths only.
  const batch = access.identityByKey.get(`approle:${APPROLE_MOUNT}:legacy-billing-export`);
  if (batch) {
    for (let i = 0; i < 4; i++) {
      const at = businessTime(rng, now, windowStart, 13);
      const remote = `10.20.8.${rng.int(10, 40)}`;
      const auth = approleAuth(ctx, batch, at);
      ctx.login(APPROLE_MOUNT, at, remote, { role_id: rng.uuid(), secret_id: rng.uuid() }, auth);
      access.legacyBatchPaths.forEach((p, k) => ctx.kvRead(batch.key, auth, p.mount, p.path, new Date(at.getTime() + 50 + k * 30), remote, batch.policies));
      ctx.credsRead(batch.key, auth, access.staticRole.mount, `static-creds/${access.staticRole.name}`, new Date(at.getTime() + 200), remote, batch.policies);
    }
  }

  // The portal's own sync: metadata and configuration only, never a data path.
  const portal = ctx.world.tokens.find((t) => t.policies.includes("radius-readonly"));
  if (portal) {
    const auth: AuditAuth = { token: portal.id, accessor: portal.accessor, displayName: portal.displayName, policies: portal.policies, tokenPolicies: portal.policies, metadata: null, entityId: "", tokenTtl: 0, tokenIssueTime: windowStart.toISOString().replace(/\.\d+Z$/, "Z") };
    for (let i = 0; i < Math.max(5, Math.round(sessions * 0.05)); i++) {
      const at = anyTime(rng, now, windowStart);
      const team = rng.pick(company.teams).name;
      ctx.events.push({ time: at, auth, operation: "read", path: "sys/mounts", mount: ctx.mountOf("sys/mounts"), remoteAddress: NETWORK.portalAddress, responseData: { "kv/": { type: "kv" } }, granting: ["radius-readonly"] });
      const list = `kv-prod/metadata/${team}/`;
      ctx.events.push({ time: new Date(at.getTime() + 120), auth, operation: "list", path: list, mount: ctx.mountOf(list), remoteAddress: NETWORK.portalAddress, responseData: { keys: ["prod/"] }, granting: ["radius-readonly"] });
    }
  }
}
