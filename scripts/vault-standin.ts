/**
 * Serve a VaultWorld JSON file over Vault's HTTP API (the stand-in used by tests and the demo run).
 *   tsx scripts/vault-standin.ts --world path/to/world.json [--port 8200] [--host 127.0.0.1]
 * Prints the base URL (for VAULT_ADDR) on stdout; stops on SIGINT/SIGTERM.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { startVaultStandin } from "../lib/demo/vault-standin";
import type { VaultWorld } from "../lib/demo/vault-world";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      world: { type: "string" },
      port: { type: "string", default: "8200" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  if (!values.world) {
    console.error("usage: tsx scripts/vault-standin.ts --world <world.json> [--port 8200] [--host 127.0.0.1]");
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer between 0 and 65535, got "${values.port}"`);
    process.exit(2);
  }
  const world = JSON.parse(await readFile(values.world, "utf8")) as VaultWorld;
  // A long-running server keeps a bounded request log.
  const standin = await startVaultStandin({ world, port, host: values.host, maxRecordedRequests: 10_000 });
  console.log(standin.url);
  const stop = () => {
    void standin.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
