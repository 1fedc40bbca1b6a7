import type { VaultWorld } from "../../vault-world";
import type { CompanyModel } from "../company";
import type { AccessModel } from "../access-model";
import type { DistributionModel } from "../distribution/consumers";
import type { Rng } from "../prng";
import type { LeaseFacts } from "../vault-leases";
import { hmacWith, renderEvent } from "./audit-format";
import { AuditContext } from "./audit-context";
import { writeNormalTraffic } from "./normal-traffic";
import { writePlantedSignals, type PlantedSignal } from "./planted-signals";

export const AUDIT_WINDOW_DAYS = 30;

export interface AuditBuild {
  log: string;
  cleanLog: string;
  hmacKey: string;
  windowStart: string;
  signals: PlantedSignal[];
  reads: Map<string, Map<string, number>>;
  lineCount: number;
}

export function buildAuditLogs(rng: Rng, seed: number, world: VaultWorld, company: CompanyModel, access: AccessModel, dist: DistributionModel, leases: LeaseFacts, approleIds: Map<string, string>, sessions: number, now: Date): AuditBuild {
  const hmacKey = rng.hex(16); // the device salt; ground truth exposes it so tests can HMAC known values
  const windowStart = new Date(now.getTime() - AUDIT_WINDOW_DAYS * 86_400_000);
  const ctx = new AuditContext(rng.fork("traffic"), hmacWith(hmacKey), world, now, windowStart, seed);
  writeNormalTraffic(ctx, company, access, dist, sessions);
  const normalCount = ctx.events.length;
  const signals = writePlantedSignals(ctx, company, access, leases, approleIds);
  const renderRng = rng.fork("render");
  const rendered = ctx.events.map((e, i) => ({ t: e.time.getTime(), i, normal: i < normalCount, lines: renderEvent(ctx.h, renderRng, e) }));
  rendered.sort((a, b) => a.t - b.t || a.i - b.i);
  const join = (rows: typeof rendered): string => rows.map((r) => `${r.lines[0]}\n${r.lines[1]}\n`).join("");
  return {
    log: join(rendered),
    cleanLog: join(rendered.filter((r) => r.normal)),
    hmacKey, windowStart: windowStart.toISOString(), signals, reads: ctx.reads, lineCount: rendered.length * 2,
  };
}
