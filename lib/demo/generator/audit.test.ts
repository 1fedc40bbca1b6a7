import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isBusinessHours } from "./audit/audit-times";
import { demoOrg, fileContent } from "./test-fixture";

interface Line {
  time: string;
  type: "request" | "response";
  error?: string;
  auth?: { client_token?: string; policies?: string[]; metadata?: Record<string, string> };
  request: { id: string; operation: string; path: string; remote_address: string; data?: Record<string, unknown> };
  response?: { data?: unknown };
}

const lines = (text: string): Line[] => text.trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
const responses = (ls: Line[]): Line[] => ls.filter((l) => l.type === "response");
const inCidr = (ip: string, cidr: string): boolean => {
  const [base, bits] = cidr.split("/");
  const n = (a: string): number => a.split(".").reduce((x, o) => x * 256 + Number(o), 0);
  const mask = 2 ** 32 - 2 ** (32 - Number(bits));
  return (n(ip) & mask) >>> 0 === (n(base!) & mask) >>> 0;
};
const maxIn60s = (times: number[]): number => {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) { while (t[i]! - t[j]! > 60_000) j++; best = Math.max(best, i - j + 1); }
  return best;
};

/** A minimal reference implementation of the DESIGN.md rules, to prove the planted signals are there. */
function detect(ls: Line[], serviceCidrs: string[]) {
  const rs = responses(ls);
  const failures = rs.filter((l) => l.error && l.request.path.endsWith("/login"));
  const group = (key: (l: Line) => string): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    for (const l of failures) m.set(key(l), [...(m.get(key(l)) ?? []), Date.parse(l.time)]);
    return m;
  };
  const over = (m: Map<string, number[]>): string[] => [...m].filter(([, t]) => maxIn60s(t) > 5).map(([k]) => k);
  const reads = rs.filter((l) => !l.error && l.request.operation === "read" && /^kv(-prod)?\/data\//.test(l.request.path));
  const byIp = new Map<string, number>();
  for (const l of reads) if (!serviceCidrs.some((c) => inCidr(l.request.remote_address, c))) byIp.set(l.request.remote_address, (byIp.get(l.request.remote_address) ?? 0) + 1);
  return {
    authFailuresByIp: over(group((l) => l.request.remote_address)),
    authFailuresByRole: over(group((l) => String(l.request.data?.role ?? l.request.data?.role_id))),
    offHoursProdReads: reads.filter((l) => l.request.path.startsWith("kv-prod/") && !isBusinessHours(new Date(l.time))),
    rootUses: rs.filter((l) => l.auth?.policies?.includes("root")),
    renewalFailures: rs.filter((l) => l.error && l.request.path.startsWith("sys/leases/renew")),
    bulkReaders: [...byIp].filter(([, n]) => n > 50).map(([ip]) => ip),
  };
}

function allStringsHmacd(v: unknown): boolean {
  if (typeof v === "string") return v.startsWith("hmac-sha256:");
  if (Array.isArray(v)) return v.every(allStringsHmacd);
  if (v && typeof v === "object") return Object.values(v).every(allStringsHmacd);
  return true;
}

describe("audit log", () => {
  const org = demoOrg();
  const gt = org.groundTruth;
  const full = lines(fileContent(org, gt.audit.file));
  const clean = lines(fileContent(org, gt.audit.cleanFile));
  const signal = (rule: string) => gt.audit.signals.find((s) => s.rule === rule)!;

  it("is Vault's JSON-lines format: request then response sharing request.id, strings in data HMAC'd", () => {
    expect(full.length).toBe(gt.audit.lines);
    for (let i = 0; i < full.length; i += 2) {
      const [req, resp] = [full[i]!, full[i + 1]!];
      expect([req.type, resp.type]).toEqual(["request", "response"]);
      expect(req.request.id).toBe(resp.request.id);
      expect(req.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
      expect(allStringsHmacd(req.request.data ?? {})).toBe(true);
      expect(allStringsHmacd(resp.response?.data ?? {})).toBe(true);
      if (resp.auth?.client_token) expect(resp.auth.client_token).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    }
    const start = Date.parse(gt.audit.windowStart), end = Date.parse(gt.audit.windowEnd);
    expect(full.every((l) => Date.parse(l.time) >= start && Date.parse(l.time) <= end)).toBe(true);
  });

  it("HMACs with the key ground truth publishes (the root token is recognisable)", () => {
    const rootHmac = `hmac-sha256:${createHmac("sha256", gt.audit.hmacKey).update(gt.tokens.root).digest("hex")}`;
    expect(full.filter((l) => l.auth?.client_token === rootHmac).length).toBe(2);
  });

  it("raises nothing on the clean log", () => {
    const d = detect(clean, gt.network.serviceCidrs);
    expect(d).toEqual({ authFailuresByIp: [], authFailuresByRole: [], offHoursProdReads: [], rootUses: [], renewalFailures: [], bulkReaders: [] });
  });

  it("contains every planted signal at the claimed time", () => {
    const d = detect(full, gt.network.serviceCidrs);
    expect(d.authFailuresByIp).toEqual(signal("auth-failures-ip").remoteAddresses);
    expect(d.authFailuresByRole.sort()).toEqual([signal("auth-failures-ip").roleHmac, signal("auth-failures-role").roleHmac].sort());
    expect(d.offHoursProdReads.map((l) => [l.request.path, l.time.slice(0, 19)])).toEqual([[signal("prod-read-outside-business-hours").paths[0], signal("prod-read-outside-business-hours").firstTime.slice(0, 19)]]);
    expect(d.rootUses.map((l) => l.request.path)).toEqual(signal("root-token-used").paths);
    expect(d.renewalFailures.map((l) => l.request.path).sort()).toEqual([...signal("lease-renewal-failure").paths].sort());
    expect(gt.leases.renewalFailures.every((id) => signal("lease-renewal-failure").paths.includes(`sys/leases/renew/${id}`))).toBe(true);
    expect(d.bulkReaders).toEqual(signal("bulk-read-anomaly").remoteAddresses);
  });

  it("records the ghost read by an identity whose live policy no longer grants the path", () => {
    const ghost = signal("ghost-reader");
    const hit = responses(full).filter((l) => l.request.path === ghost.paths[0] && l.auth?.metadata?.role_name === "legacy-billing-export");
    expect(hit).toHaveLength(1);
    expect(org.clusters[0]!.policies["legacy-batch"]).not.toContain(ghost.paths[0]);
    const secret = gt.secrets.find((s) => `${s.mount}/data/${s.path}` === ghost.paths[0])!;
    expect(secret.ghostReaders).toEqual([ghost.identity]);
    expect(secret.readers).not.toContain(ghost.identity);
  });

  it("counts reads per secret exactly as the log shows them, and lists never-used grants", () => {
    const counted = new Map<string, number>();
    for (const l of responses(full)) {
      if (l.error || l.request.operation !== "read" || !/^kv(-prod)?\/data\//.test(l.request.path)) continue;
      counted.set(l.request.path, (counted.get(l.request.path) ?? 0) + 1);
    }
    for (const s of gt.secrets.filter((x) => x.kind === "kv-v2")) {
      const p = `${s.mount}/data/${s.path}`;
      const expected = Object.values(s.readsInAuditLog).reduce((a, b) => a + b, 0) + s.ghostReaders.length;
      expect(counted.get(p) ?? 0, p).toBe(expected);
      for (const id of Object.keys(s.readsInAuditLog)) expect(s.readers).toContain(id);
    }
    const ledger = "approle:approle:legacy-ledger-sync";
    const granted = gt.secrets.filter((s) => s.readers.includes(ledger));
    expect(granted.length).toBeGreaterThan(0);
    expect(granted.every((s) => s.unusedReaders.includes(ledger))).toBe(true);
    expect(gt.audit.identitiesNeverReading).toContain(ledger);
    expect(gt.audit.identitiesNeverReading).toContain("group:contractors");
    expect(gt.audit.identitiesNeverReading).not.toContain("approle:approle:legacy-billing-export");
  });
});
