/**
 * `radius verify-audit [--database-url URL] [--json]`
 * Walks the portal audit trail (portal_audit_log) in chain order against DATABASE_URL and
 * recomputes every hash. Exit codes: 0 the chain is intact, 1 it is broken (the first broken row
 * is named), 2 usage or connection error.
 */
import { verifyPortalAuditChain } from "../lib/audit-trail/service";
import { createPrismaClient } from "../lib/db/create-client";

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = "usage: radius verify-audit [--database-url URL] [--json]\n";

export async function main(args: readonly string[], io: Io = defaultIo(), env: Record<string, string | undefined> = process.env): Promise<number> {
  let url = env.DATABASE_URL;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--database-url" && args[i + 1]) url = args[++i];
    else if (arg === "--help" || arg === "-h") { io.stdout(USAGE); return 0; }
    else { io.stderr(`unknown argument: ${arg}\n${USAGE}`); return 2; }
  }
  if (!url) { io.stderr(`DATABASE_URL is not set\n${USAGE}`); return 2; }
  const db = createPrismaClient(url, { maxConnections: 2, log: [] });
  try {
    const started = Date.now();
    const result = await verifyPortalAuditChain(db);
    if (json) io.stdout(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.stdout(`portal audit trail intact: ${result.rows} rows verified in ${Date.now() - started} ms; last hash ${result.lastHash}\n`);
    else io.stdout(`portal audit trail BROKEN at row id ${result.firstBrokenId}: ${result.reason} (${result.rows} rows before it verified)\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    io.stderr(`could not verify the audit trail: ${(error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1)}\n`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}

function defaultIo(): Io {
  return { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
}
