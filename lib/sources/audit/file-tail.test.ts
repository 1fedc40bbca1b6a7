import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, rename, rm, stat, truncate, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { fileSourceId } from "./file-tail";
import { ingestAvailable, openFileTail } from "./ingest-file";
import { demoTemplateLines, eventIdsOfLines, repeatedAuditLines } from "./test-support";
import { AuditIngestJob } from "@/lib/audit-ingest/ingest-job";
import { AuditBatchWriter, CheckpointMovedError } from "./write-batch";

let template: string[];
beforeAll(() => {
  template = demoTemplateLines(TEST_NOW);
});

/** Lines [from, to) of an endless, distinguishable audit log. */
const slice = (from: number, to: number): string[] => [...repeatedAuditLines(template, to)].slice(from);
const text = (lines: string[]) => lines.map((l) => `${l}\n`).join("");

describe("file audit device: exactly once across restarts, rotation and truncation", () => {
  let db: TestDatabase;
  let client: pg.Client;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    dir = await mkdtemp(path.join(os.tmpdir(), "radius-audit-"));
    file = path.join(dir, "vault_audit.log");
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => undefined);

  /** A fresh tail from the stored checkpoint, as after a restart. */
  async function pass(batchLines = 300): Promise<void> {
    const tail = await openFileTail(client, file, () => "c", () => null, batchLines);
    await ingestAvailable(tail, new AuditBatchWriter(client));
    await tail.close();
  }
  async function stored(): Promise<string[]> {
    const { rows } = await client.query<{ id: string }>(`SELECT request_id || ' ' || type AS id FROM audit_events ORDER BY 1`);
    return rows.map((r) => r.id).sort();
  }

  it("takes only complete lines, and the rest once its newline arrives", async () => {
    const lines = slice(0, 10);
    await writeFile(file, `${text(lines.slice(0, 9))}${lines[9]!.slice(0, 50)}`);
    await pass();
    expect(await stored()).toEqual(eventIdsOfLines(lines.slice(0, 9)));
    await appendFile(file, `${lines[9]!.slice(50)}\n`);
    await pass();
    await pass();
    expect(await stored()).toEqual(eventIdsOfLines(lines));
  });

  it("follows a rename rotation, reading what Vault still wrote to the old file before reopening", async () => {
    const all = slice(0, 2000);
    await writeFile(file, text(all.slice(0, 500)));
    await pass();
    await appendFile(file, text(all.slice(500, 800)));
    await rename(file, `${file}.1`);
    await pass(); // the new file does not exist yet: keep reading the old one
    await appendFile(`${file}.1`, text(all.slice(800, 1000)));
    await writeFile(file, "");
    await pass(); // new file empty: Vault has not reopened, stay
    await appendFile(`${file}.1`, text(all.slice(1000, 1200)));
    await writeFile(file, text(all.slice(1200, 1500)));
    await pass();
    await appendFile(file, text(all.slice(1500, 2000)));
    await pass();
    expect(await stored()).toEqual(eventIdsOfLines(all));
    const cp = (await client.query<{ inode: string; offset: string }>(`SELECT inode, "offset" FROM audit_ingest_checkpoints`)).rows[0]!;
    expect(cp.inode).toBe(String((await stat(file, { bigint: true })).ino));
    expect(Number(cp.offset)).toBe((await stat(file)).size);
  });

  it("follows copytruncate, reading the missed tail from logrotate's copy", async () => {
    const all = slice(0, 1500);
    await writeFile(file, text(all.slice(0, 400)));
    await pass();
    await appendFile(file, text(all.slice(400, 700)));
    await copyFile(file, `${file}.1`);
    await truncate(file, 0);
    await appendFile(file, text(all.slice(700, 1500)));
    await pass();
    expect(await stored()).toEqual(eventIdsOfLines(all));
    const problems = await client.query(`SELECT * FROM audit_ingest_problems`);
    expect(problems.rows).toEqual([]);
  });

  it("reports a truncation it cannot recover from, and carries on", async () => {
    const all = slice(0, 600);
    await writeFile(file, text(all.slice(0, 400)));
    await pass();
    await truncate(file, 0);
    await appendFile(file, text(all.slice(400, 600)));
    await pass();
    expect(await stored()).toEqual(eventIdsOfLines(all));
    const { rows } = await client.query<{ message: string; offset: string }>(`SELECT message, "offset" FROM audit_ingest_problems`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.message).toMatch(/truncated/);
  });

  it("reports malformed lines with their file, line and byte offset, and stores the rest", async () => {
    const good = slice(0, 6);
    const content = [good[0], good[1], "{\"time\": broken", good[2], good[3], "[]", good[4], good[5]].map((l) => `${l}\n`).join("");
    await writeFile(file, content);
    await pass(2);
    expect(await stored()).toEqual(eventIdsOfLines(good));
    const { rows } = await client.query<{ file: string; line: string; offset: string; message: string; excerpt: string }>(`SELECT file, line::text, "offset"::text, message, excerpt FROM audit_ingest_problems ORDER BY line`);
    const offsetOf = (n: number) => content.split("\n").slice(0, n - 1).reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);
    expect(rows).toEqual([
      { file, line: "3", offset: String(offsetOf(3)), message: expect.stringMatching(/^not JSON/), excerpt: "{\"time\": broken" },
      { file, line: "6", offset: String(offsetOf(6)), message: expect.stringContaining("not a JSON object"), excerpt: "[]" },
    ]);
    const cp = (await client.query<{ malformed: string; events: string }>(`SELECT malformed::text, events::text FROM audit_ingest_checkpoints WHERE source = $1`, [fileSourceId(file)])).rows[0];
    expect(cp).toEqual({ malformed: "2", events: "6" });
  });

  it("stores every event exactly once across a kill -9 mid-file and a rotation while down", async () => {
    const all = slice(0, 8000);
    await writeFile(file, text(all.slice(0, 6000)));
    const child = (kill: boolean) => new Promise<{ killed: boolean }>((resolve, reject) => {
      // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would not reach.
      const p = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "ingest-child.fixture.ts"), db.url, file, "100", kill ? "25" : "0"], { stdio: ["ignore", "pipe", "inherit"] });
      let batches = 0;
      p.stdout.on("data", (d: Buffer) => {
        batches += d.toString().split("batch").length - 1;
        if (kill && batches >= 12) p.kill("SIGKILL");
      });
      p.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve({ killed: true }) : code === 0 ? resolve({ killed: false }) : reject(new Error(`child exited ${code}`))));
    });
    expect(await child(true)).toEqual({ killed: true });
    const { rows } = await client.query<{ offset: string }>(`SELECT "offset"::text FROM audit_ingest_checkpoints`);
    const size = (await readFile(file)).length;
    expect(Number(rows[0]!.offset)).toBeGreaterThan(0);
    expect(Number(rows[0]!.offset)).toBeLessThan(size);
    expect((await stored()).length).toBeLessThan(6000);
    // While it is down: Vault writes more, logrotate renames, Vault reopens a new file.
    await appendFile(file, text(all.slice(6000, 7000)));
    await rename(file, `${file}.1`);
    await writeFile(file, text(all.slice(7000, 8000)));
    expect(await child(false)).toEqual({ killed: false });
    expect(await stored()).toEqual(eventIdsOfLines(all));
  });

  it("refuses to store a batch twice when two ingesters race, and lets one job hold the lock", async () => {
    const all = slice(0, 500);
    await writeFile(file, text(all));
    const a = await openFileTail(client, file, () => "c", () => null, 100);
    const b = await openFileTail(client, file, () => "c", () => null, 100);
    await ingestAvailable(a, new AuditBatchWriter(client));
    await expect(ingestAvailable(b, new AuditBatchWriter(client))).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await stored()).toEqual(eventIdsOfLines(all));

    const config = { filePath: file, socketPort: null, socketHost: "127.0.0.1", cluster: null, retentionDays: 30, intervalMs: 1000, batchLines: 100 };
    const one = new AuditIngestJob({ databaseUrl: db.url, config, log: () => undefined });
    const two = new AuditIngestJob({ databaseUrl: db.url, config, log: () => undefined });
    expect((await one.tick()).status).toBe("waiting-for-snapshot");
    expect((await two.tick()).status).toBe("busy");
    await one.stop();
    expect((await two.tick()).status).toBe("waiting-for-snapshot");
    await two.stop();
  });
});
