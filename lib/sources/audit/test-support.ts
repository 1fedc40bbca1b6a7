/**
 * For tests and the bench: audit lines in Vault's format (the demo generator's own log, so HMAC'd
 * fields, login/read pairs and planted signals are all there), repeated as often as needed with a
 * unique request id per copy so every line of the result is distinguishable.
 */
/* eslint-disable import/no-restricted-paths -- test and bench wiring only: the demo organisation is the fixture */
import { generateDemoOrganisation, type DemoOrganisation } from "@/lib/demo/generator";
/* eslint-enable import/no-restricted-paths */

/** The demo log; `clean`: the same normal traffic without the planted detection signals. */
export function demoAuditLog(org: DemoOrganisation, clean = false): string {
  const name = clean ? org.groundTruth.audit.cleanFile : org.groundTruth.audit.file;
  const f = org.files.find((x) => x.path === name);
  if (!f) throw new Error("the demo organisation has no audit log");
  return f.content;
}

const ID = /"request":\{"id":"([0-9a-f-]{36})"/;

const TIME = /^\{"time":"([^"]+)"/;

/**
 * `count` lines (request/response pairs kept together); copy k of a template line gets request id
 * "<k hex>-<rest>". With `clock`, line i is re-stamped `start + i * stepMs`, so the file reads like
 * a live log (time-ordered, e.g. 8.64 ms apart = 10 million events a day) instead of repeating the
 * template's 30 days.
 */
export function* repeatedAuditLines(template: readonly string[], count: number, clock?: { start: Date; stepMs: number }): Generator<string> {
  for (let i = 0; i < count; i++) {
    let line = template[i % template.length]!;
    const copy = Math.floor(i / template.length);
    if (copy > 0) {
      const m = ID.exec(line);
      if (m) line = line.replace(m[1]!, `${copy.toString(16).padStart(8, "0")}${m[1]!.slice(8)}`);
    }
    if (clock) {
      const t = TIME.exec(line);
      if (t) line = `{"time":"${new Date(clock.start.getTime() + Math.floor(i * clock.stepMs)).toISOString()}"${line.slice(t[0].length)}`;
    }
    yield line;
  }
}

export function demoTemplateLines(now: Date, scale = 1): string[] {
  return demoAuditLog(generateDemoOrganisation({ seed: 1, scale, now })).trimEnd().split("\n");
}

/** (request id, type) of every line, sorted: the identity of the event set a file holds. */
export function eventIdsOfLines(lines: Iterable<string>): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!l.trim()) continue;
    try {
      const j = JSON.parse(l) as { type?: string; request?: { id?: string } };
      if (j.request?.id) out.push(`${j.request.id} ${j.type}`);
    } catch {
      // malformed lines are not events
    }
  }
  return out.sort();
}
