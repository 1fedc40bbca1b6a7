import type { Iso } from "../../vault-world";
import { APPROLE_MOUNT, K8S_AUTH, type CompanyModel, type KvSecretModel } from "../company";
import type { AccessModel } from "../access-model";
import type { LeaseFacts } from "../vault-leases";
import type { AuditAuth } from "./audit-format";
import { AuditContext, ip } from "./audit-context";
import { approleAuth, humanAuth, humanLogin, humanEmail } from "./normal-traffic";
import { lastSaturdayAt } from "./audit-times";

export interface PlantedSignal {
  rule: "auth-failures-ip" | "auth-failures-role" | "prod-read-outside-business-hours" | "root-token-used" | "lease-renewal-failure" | "bulk-read-anomaly" | "ghost-reader";
  description: string;
  firstTime: Iso;
  lastTime: Iso;
  count: number;
  remoteAddresses: string[];
  paths: string[];
  /** Identity key, when the actor is known. */
  identity: string | null;
  /** HMAC'd login field that identifies the targeted role (login bodies are HMAC'd in the log). */
  roleHmac?: string;
}

const DAY = 86_400_000;
const PERMISSION_DENIED = "permission denied";

/** Weekday at the given UTC hour, `daysBack` days before now (moved back past weekends). */
function weekdayAt(now: Date, daysBack: number, utcHour: number, minute: number): Date {
  let t = now.getTime() - daysBack * DAY;
  t = t - (t % DAY) + utcHour * 3_600_000 + minute * 60_000;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= DAY;
  return new Date(t);
}

/** Every detection signal of DESIGN.md, planted once, with the facts ground truth reports. */
export function writePlantedSignals(ctx: AuditContext, company: CompanyModel, access: AccessModel, leases: LeaseFacts, approleIds: Map<string, string>): PlantedSignal[] {
  const { rng, now, h } = ctx;
  const out: PlantedSignal[] = [];
  const iso = (d: Date): Iso => d.toISOString();
  const s0 = company.services[0]!;

  // 1. Brute force: 7 failed logins in 36 s from one IP against one Kubernetes role.
  {
    const start = weekdayAt(now, 3, 10, 3);
    const remote = "203.0.113.66";
    const times = Array.from({ length: 7 }, (_, k) => new Date(start.getTime() + k * 6_000));
    for (const t of times) ctx.login(K8S_AUTH.prod, t, remote, { jwt: rng.hex(32), role: s0.name }, null, PERMISSION_DENIED);
    out.push({ rule: "auth-failures-ip", description: `7 failed logins in 36s from ${remote} against kubernetes role ${s0.name}`, firstTime: iso(times[0]!), lastTime: iso(times[6]!), count: 7, remoteAddresses: [remote], paths: [`auth/${K8S_AUTH.prod}/login`], identity: `kubernetes:${K8S_AUTH.prod}:${s0.name}`, roleHmac: h(s0.name) });
  }
  // 2. Same role from many addresses (no single IP over the threshold): 6 AppRole failures in 50 s.
  {
    const target = `approle:${APPROLE_MOUNT}:legacy-ledger-sync`;
    const roleId = approleIds.get(target) ?? "";
    const start = weekdayAt(now, 6, 13, 41);
    const remotes = Array.from({ length: 6 }, (_, k) => `198.18.0.${10 + k}`);
    const times = remotes.map((_, k) => new Date(start.getTime() + k * 10_000));
    times.forEach((t, k) => ctx.login(APPROLE_MOUNT, t, remotes[k]!, { role_id: roleId, secret_id: rng.uuid() }, null, "invalid role or secret ID"));
    out.push({ rule: "auth-failures-role", description: "6 failed AppRole logins in 50s for one role_id from 6 addresses", firstTime: iso(times[0]!), lastTime: iso(times[5]!), count: 6, remoteAddresses: remotes, paths: [`auth/${APPROLE_MOUNT}/login`], identity: target, roleHmac: h(roleId) });
  }
  // 3. A production secret read on a Saturday night (02:14 Berlin in winter).
  {
    const team = company.teams[1 % company.teams.length]!.name;
    const group = access.identityByKey.get(`group:team-${team}-oncall`)!;
    const secret = company.kvSecrets.find((s) => s.team === team && s.env === "prod")!;
    const at = lastSaturdayAt(now, 1, 14);
    const remote = ip.vpn(rng);
    const auth = humanAuth(ctx, group, humanEmail(7), at);
    humanLogin(ctx, auth, at, remote);
    const readAt = new Date(at.getTime() + 20_000);
    ctx.kvRead(group.key, auth, secret.mount, secret.path, readAt, remote, group.policies);
    out.push({ rule: "prod-read-outside-business-hours", description: `on-call token read ${secret.mount}/data/${secret.path} on Saturday night`, firstTime: iso(readAt), lastTime: iso(readAt), count: 1, remoteAddresses: [remote], paths: [`${secret.mount}/data/${secret.path}`], identity: group.key });
  }
  // 4. Root token used to create the click-ops policy (the drift's origin).
  {
    const root = ctx.world.tokens.find((t) => t.policies.includes("root"))!;
    const at = weekdayAt(now, 9, 14, 32);
    const auth: AuditAuth = { token: root.id, accessor: root.accessor, displayName: "root", policies: ["root"], tokenPolicies: ["root"], metadata: null, entityId: "", tokenTtl: 0, tokenIssueTime: new Date(at.getTime() - 600_000).toISOString().replace(/\.\d+Z$/, "Z") };
    const path = `sys/policies/acl/${access.clickOpsPolicy}`;
    const remote = "172.20.9.14";
    ctx.events.push({ time: at, auth, operation: "update", path, mount: ctx.mountOf(path), remoteAddress: remote, requestData: { policy: ctx.world.policies[access.clickOpsPolicy] ?? "" }, granting: ["root"] });
    out.push({ rule: "root-token-used", description: `root token wrote policy ${access.clickOpsPolicy}`, firstTime: iso(at), lastTime: iso(at), count: 1, remoteAddresses: [remote], paths: [path], identity: null });
  }
  // 5. Lease renewal failures: the agent of the first service tries to renew leases that already expired.
  {
    const id = access.identityByKey.get(`kubernetes:${K8S_AUTH.prod}:${s0.name}`)!;
    const remote = ip.pod(rng, "prod");
    const ns = `${s0.team}-prod`;
    const times: Date[] = [];
    for (const leaseId of leases.renewalFailures) {
      const lease = ctx.world.leases.find((l) => l.id === leaseId)!;
      const at = new Date(new Date(lease.expireTime).getTime() + 30_000);
      const auth = ctx.session(id.key, at, { displayName: `${id.mount}-${ns}-${s0.name}`, policies: ["default", ...id.policies], tokenPolicies: ["default", ...id.policies], metadata: { role: id.name, service_account_name: s0.name, service_account_namespace: ns, service_account_uid: ctx.entityId(`${ns}/${s0.name}`), service_account_secret_name: "" }, tokenTtl: 3600 });
      const path = `sys/leases/renew/${leaseId}`;
      ctx.events.push({ time: at, auth, operation: "update", path, mount: ctx.mountOf(path), remoteAddress: remote, requestData: { increment: 3600 }, error: "lease not found" });
      times.push(at);
    }
    const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
    out.push({ rule: "lease-renewal-failure", description: "Vault Agent failed to renew expired database leases", firstTime: iso(sorted[0]!), lastTime: iso(sorted[sorted.length - 1]!), count: times.length, remoteAddresses: [remote], paths: leases.renewalFailures.map((l) => `sys/leases/renew/${l}`), identity: id.key });
  }
  // 6. Bulk reads from an address outside the service networks (the Twitch pattern).
  {
    const group = access.identityByKey.get("group:platform-admins")!;
    const at = weekdayAt(now, 1, 9, 12);
    const remote = "198.51.100.23";
    const auth = humanAuth(ctx, group, humanEmail(3), at);
    humanLogin(ctx, auth, at, remote);
    const targets: KvSecretModel[] = rng.sample(company.kvSecrets, 150);
    targets.forEach((s, k) => ctx.kvRead(group.key, auth, s.mount, s.path, new Date(at.getTime() + 5_000 + k * 1_500), remote, group.policies));
    const last = new Date(at.getTime() + 5_000 + (targets.length - 1) * 1_500);
    out.push({ rule: "bulk-read-anomaly", description: `${targets.length} secret reads in ${Math.round((last.getTime() - at.getTime()) / 60_000)} minutes from ${remote}`, firstTime: iso(new Date(at.getTime() + 5_000)), lastTime: iso(last), count: targets.length, remoteAddresses: [remote], paths: targets.map((s) => `${s.mount}/data/${s.path}`), identity: group.key });
  }
  // 7. Ghost reader: the export job read a secret three weeks ago; its policy no longer grants it.
  {
    const id = access.identityByKey.get(`approle:${APPROLE_MOUNT}:legacy-billing-export`)!;
    const ghost = ghostSecret(company, access);
    const at = weekdayAt(now, 21, 8, 5);
    const remote = "10.20.8.17";
    const auth = approleAuth(ctx, id, at);
    ctx.login(APPROLE_MOUNT, at, remote, { role_id: approleIds.get(id.key) ?? "", secret_id: rng.uuid() }, auth);
    ctx.kvRead(id.key, auth, ghost.mount, ghost.path, new Date(at.getTime() + 80), remote, id.policies, false);
    out.push({ rule: "ghost-reader", description: `${id.key} read ${ghost.mount}/data/${ghost.path} but its policy no longer grants it`, firstTime: iso(new Date(at.getTime() + 80)), lastTime: iso(new Date(at.getTime() + 80)), count: 1, remoteAddresses: [remote], paths: [`${ghost.mount}/data/${ghost.path}`], identity: id.key });
  }
  return out;
}

/** A production secret of the first team that legacy-batch does not (any longer) grant. */
export function ghostSecret(company: CompanyModel, access: AccessModel): KvSecretModel {
  const granted = new Set(access.legacyBatchPaths.map((p) => p.path));
  const team = company.teams[0]!.name;
  return company.kvSecrets.find((s) => s.team === team && s.env === "prod" && !granted.has(s.path)) ?? company.kvSecrets.find((s) => !granted.has(s.path))!;
}
