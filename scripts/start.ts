/**
 * The default run: `npm start`.
 *
 * Every real part is switched on by its variables; whatever is not configured is replaced by an
 * embedded stand-in, started here, whose address is handed to the portal through the same
 * variables a production deployment would set:
 *   DATABASE_URL unset -> embedded PostgreSQL under .data/
 *   VAULT_ADDR unset   -> the Vault stand-in serving the demo organisation
 *   OIDC_ISSUER unset  -> the local OIDC provider with one demo user per role
 *   TERRAFORM_REPO ... -> the demo organisation's git repository and files
 * Then it builds the portal when needed and runs `next start` (or `next dev` with --dev).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import path from "node:path";
import { bootEmbeddedParts, type EmbeddedParts } from "./lib/embedded-parts";
import { ensureBuilt } from "./lib/build";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    data: { type: "string", default: process.env.RADIUS_DATA_DIR ?? ".data" },
    "port-base": { type: "string" }, // shifts every embedded port, so a test run never meets a running portal
    reset: { type: "boolean", default: false }, // forget the embedded database and demo organisation
    "no-build": { type: "boolean", default: false },
  },
});

const root = path.resolve(__dirname, "..");
const port = Number(args.port);
let parts: EmbeddedParts | undefined;
let next: ChildProcess | undefined;

async function main(): Promise<void> {
  parts = await bootEmbeddedParts({
    root,
    dataDir: path.resolve(root, args.data),
    portalUrl: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    portBase: args["port-base"] ? Number(args["port-base"]) : undefined,
    reset: args.reset,
    log: (line) => console.log(`[radius] ${line}`),
  });
  const env = { ...process.env, ...parts.env };

  if (!args.dev && !args["no-build"]) await ensureBuilt(root, env);

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  next = spawn(process.execPath, [nextBin, args.dev ? "dev" : "start", "-p", String(port), "-H", "0.0.0.0"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  next.on("exit", (code) => void shutdown(code ?? 0));
  console.log(`[radius] portal: http://localhost:${port}  (demo users: ${parts.demoUsers.join(", ")}; password "radius-demo")`);
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) next.kill("SIGTERM");
  await parts?.stop().catch((error: unknown) => console.error("[radius] shutdown:", error));
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`[radius] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
