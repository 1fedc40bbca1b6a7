import { createHash } from "node:crypto";
import type { KvSecret, VaultWorld } from "../../vault-world";
import type { Rng } from "../prng";
import type { AuditAuth, AuditEvent, Hmac, MountInfo } from "./audit-format";

/** Network plan the detection rules rely on (also written to ground truth). */
export const NETWORK = {
  serviceCidrs: ["10.20.0.0/16", "10.21.0.0/16", "10.40.0.0/16"],
  humanCidrs: ["172.20.0.0/16"],
  portalAddress: "10.20.50.10",
} as const;

export const ip = {
  pod: (rng: Rng, tier: "nonprod" | "prod"): string => `10.${tier === "prod" ? 20 : 21}.${rng.int(1, 250)}.${rng.int(2, 254)}`,
  runner: (rng: Rng): string => `10.40.${rng.int(0, 15)}.${rng.int(2, 254)}`,
  vpn: (rng: Rng): string => `172.20.${rng.int(0, 63)}.${rng.int(2, 254)}`,
};

/** Shared state while writing the audit log: HMAC, mounts, secret values, read counts. */
export class AuditContext {
  readonly events: AuditEvent[] = [];
  /** `${mount}:${path}` -> identity key -> successful data reads. */
  readonly reads = new Map<string, Map<string, number>>();
  private readonly mounts: Array<[string, MountInfo]>;
  private readonly kv = new Map<string, KvSecret>();

  constructor(readonly rng: Rng, readonly h: Hmac, readonly world: VaultWorld, readonly now: Date, readonly windowStart: Date, private readonly seed: number) {
    const m: Array<[string, MountInfo]> = world.mounts.map((x) => [`${x.path}/`, { point: `${x.path}/`, type: x.type, accessor: x.accessor, class: "secret" }]);
    for (const a of world.authMounts) m.push([`auth/${a.path}/`, { point: `auth/${a.path}/`, type: a.type, accessor: a.accessor, class: "auth" }]);
    m.push(["sys/", { point: "sys/", type: "system", accessor: `system_${createHash("sha256").update(`${seed}sys`).digest("hex").slice(0, 8)}`, class: "secret" }]);
    this.mounts = m.sort((a, b) => b[0].length - a[0].length);
    for (const x of world.mounts) if (x.type === "kv") for (const s of x.secrets) this.kv.set(`${x.path}:${s.path}`, s);
  }

  mountOf(path: string): MountInfo {
    return this.mounts.find(([p]) => path.startsWith(p))?.[1] ?? { point: "", type: "", accessor: "", class: "" };
  }

  kvSecret(mount: string, path: string): KvSecret | undefined {
    return this.kv.get(`${mount}:${path}`);
  }

  /** Stable entity id per identity (an entity is created on first login and kept). */
  entityId(key: string): string {
    const h = createHash("sha256").update(`${this.seed}:entity:${key}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  session(key: string, at: Date, a: Omit<AuditAuth, "token" | "accessor" | "entityId" | "tokenIssueTime">): AuditAuth {
    return { ...a, token: `hvs.${this.rng.hex(12)}`, accessor: this.rng.hex(12), entityId: this.entityId(key), tokenIssueTime: at.toISOString().replace(/\.\d+Z$/, "Z") };
  }

  countRead(mount: string, path: string, identity: string): void {
    const k = `${mount}:${path}`;
    const m = this.reads.get(k) ?? new Map<string, number>();
    m.set(identity, (m.get(identity) ?? 0) + 1);
    this.reads.set(k, m);
  }

  /** A successful KV v2 read: the response carries the value, HMAC'd like every string in data. */
  kvRead(identity: string, auth: AuditAuth, mount: string, path: string, at: Date, remote: string, granting: string[], count = true): void {
    const s = this.kvSecret(mount, path);
    const responseData = s ? { data: s.data, metadata: { created_time: s.updatedTime, custom_metadata: s.customMetadata, deletion_time: "", destroyed: false, version: s.currentVersion } } : undefined;
    const full = `${mount}/data/${path}`;
    this.events.push({ time: at, auth, operation: "read", path: full, mount: this.mountOf(full), remoteAddress: remote, responseData, granting });
    if (count) this.countRead(mount, path, identity);
  }

  /** A dynamic credential read: a new lease and a fresh credential (not a canary: it was never stored). */
  credsRead(identity: string, auth: AuditAuth, mount: string, path: string, at: Date, remote: string, granting: string[]): void {
    const full = `${mount}/${path}`;
    const responseData = mount === "aws"
      ? { access_key: `ASIA${this.rng.hex(8).toUpperCase()}`, secret_key: this.rng.hex(20), security_token: this.rng.hex(24) }
      : { username: `v-${auth.displayName.slice(0, 20)}-${this.rng.hex(6)}`, password: this.rng.hex(16) };
    this.events.push({ time: at, auth, operation: "read", path: full, mount: this.mountOf(full), remoteAddress: remote, responseData, leaseId: `${full}/${this.rng.hex(12)}`, granting });
    this.countRead(mount, path, identity);
  }

  login(mountPath: string, at: Date, remote: string, requestData: Record<string, unknown>, issued: AuditAuth | null, error?: string): void {
    const path = `auth/${mountPath}/login`;
    this.events.push({ time: at, auth: null, operation: "update", path, mount: this.mountOf(path), remoteAddress: remote, requestData, ...(issued ? { responseAuth: issued } : {}), ...(error ? { error } : {}) });
  }
}
