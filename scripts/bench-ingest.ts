/**
 * Audit ingestion throughput, in one run:
 *   1. writes a --lines (default 2,000,000) line Vault audit file: the demo organisation's normal
 *      traffic (Vault's JSON format, HMAC'd fields) repeated with unique request ids, re-stamped
 *      in time order at 10 million events a day;
 *   2. ingests it end to end into an embedded Postgres (durable settings) with the production
 *      code path (tail -> parse -> resolve keys -> one transaction per 20,000-line batch: events,
 *      daily read rollups, access_stats, checkpoint), evaluating detection rules after each batch
 *      (lib/detection evaluateDetection, as the job does; --no-rules skips it); prints events/s and peak RSS;
 *   3. times `jq -c . FILE > /dev/null` and a bare Node loop that JSON.parses every line, and
 *      prints the ratios.
 *
 *   npx tsx scripts/bench-ingest.ts [--lines 2000000] [--dir /tmp/radius-bench-ingest] [--no-rules]
 */
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDetectionHook } from "../lib/audit-ingest/detection-hook";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { generateDemoOrganisation } from "../lib/demo/generator";
import { AuditBatchWriter, KeyResolver, ingestAvailable, openFileTail } from "../lib/sources/audit";
import { demoAuditLog, repeatedAuditLines } from "../lib/sources/audit/test-support";
import { mb, seconds } from "./lib/bench-support";

const { values } = parseArgs({ options: { lines: { type: "string", default: "2000000" }, dir: { type: "string" }, "no-rules": { type: "boolean", default: false } } });
const lineCount = Number(values.lines);
const root = values.dir ?? path.join(os.tmpdir(), "radius-bench-ingest");
const now = new Date();

/** The keys a sync of the demo organisation would produce (lib/sync/snapshot-data.ts), from its ground truth. */
function demoResolver(org: ReturnType<typeof generateDemoOrganisation>): KeyResolver {
  const gt = org.groundTruth;
  const cluster = gt.clusters[0]!.name;
  const secrets = gt.secrets.map((s) => ({ key: `${cluster}:${s.mount}/${s.path}`, dataPath: s.kind === "kv-v2" ? `${s.mount}/data/${s.path}` : `${s.mount}/${s.path}` }));
  const identities = gt.identities.map((i) => {
    if (i.key.startsWith("group:")) return { key: `${cluster}:group/${i.key.slice(6)}`, authMount: "group", kind: "group", roleName: i.key.slice(6), policies: i.policies };
    const [kind, mount, role] = i.key.split(":") as [string, string, string];
    return { key: `${cluster}:${mount}/${role}`, authMount: mount, kind, roleName: role, policies: i.policies };
  });
  const groupReadGrants = gt.secrets.flatMap((s) => s.readers.filter((r) => r.startsWith("group:")).map((r) => ({ identityKey: `${cluster}:group/${r.slice(6)}`, secretKey: `${cluster}:${s.mount}/${s.path}` })));
  return new KeyResolver({ cluster, secrets, identities, groupReadGrants });
}

async function writeAuditFile(file: string, template: string[]): Promise<void> {
  const out = createWriteStream(file);
  let chunk = "";
  // Time-ordered at the DESIGN rate (10 million events a day), ending now.
  const stepMs = 86_400_000 / 10_000_000;
  for (const line of repeatedAuditLines(template, lineCount, { start: new Date(now.getTime() - lineCount * stepMs), stepMs })) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

async function bareParse(file: string): Promise<number> {
  const t = performance.now();
  let carry = "";
  let parsed = 0;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const parts = (carry + (chunk as string)).split("\n");
    carry = parts.pop() ?? "";
    for (const p of parts) if (p) { JSON.parse(p); parsed++; }
  }
  if (carry) JSON.parse(carry);
  if (parsed === 0) throw new Error("nothing parsed");
  return performance.now() - t;
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const file = path.join(root, "vault_audit.log");
  let t = performance.now();
  const org = generateDemoOrganisation({ seed: 1, scale: 1, now });
  // The clean log: repeating the planted signals 500 times would make the run an alert storm.
  const template = demoAuditLog(org, true).trimEnd().split("\n");
  await writeAuditFile(file, template);
  const size = statSync(file).size;
  console.log(`audit file: ${lineCount.toLocaleString("en")} lines, ${mb(size)} (written in ${seconds(performance.now() - t)})`);

  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), database: "radius_bench" });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    await applyMigrations(server.url);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const resolver = demoResolver(org);
    const detect = values["no-rules"] ? null : createDetectionHook(server.url, (m) => console.log(m));
    t = performance.now();
    const tail = await openFileTail(client, file, () => resolver.cluster, () => resolver, 20_000);
    const pass = await ingestAvailable(tail, new AuditBatchWriter(client, () => now), detect ?? undefined);
    const ingestMs = performance.now() - t;
    await tail.close();
    const { rows } = await client.query<{ events: string; stats: string }>(`SELECT (SELECT count(*) FROM audit_events)::text AS events, (SELECT count(*) FROM access_stats)::text AS stats`);
    await client.end();
    clearInterval(sampler);
    if (Number(rows[0]!.events) !== lineCount) throw new Error(`stored ${rows[0]!.events} events, expected ${lineCount}`);

    t = performance.now();
    const jq = spawnSync("/bin/sh", ["-c", `/usr/bin/jq -c . '${file}' > /dev/null`], { stdio: "inherit" });
    const jqMs = performance.now() - t;
    if (jq.status !== 0) throw new Error("jq failed");
    const parseMs = await bareParse(file);

    const eps = (ms: number) => Math.round(lineCount / (ms / 1000)).toLocaleString("en");
    console.log(`\nend-to-end ingestion: ${pass.events.toLocaleString("en")} events in ${seconds(ingestMs)} = ${eps(ingestMs)} events/s (parsed, keys resolved, stored, aggregated into ${rows[0]!.stats} access_stats rows${detect ? ", detection rules evaluated after each batch" : "; --no-rules: detection rules not evaluated"})`);
    console.log(`peak RSS (this process, during ingestion): ${mb(peakRss)}`);
    console.log(`jq -c . FILE > /dev/null: ${seconds(jqMs)} = ${eps(jqMs)} lines/s`);
    console.log(`bare Node JSON.parse loop: ${seconds(parseMs)} = ${eps(parseMs)} lines/s`);
    console.log(`ratios: ingestion is ${(jqMs / ingestMs).toFixed(2)}x jq's speed; takes ${(ingestMs / parseMs).toFixed(2)}x the bare JSON.parse loop's time`);
    console.log(`target >= 50,000 events/s and faster than jq: ${lineCount / (ingestMs / 1000) >= 50_000 && ingestMs < jqMs ? "met" : "NOT met"}`);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
