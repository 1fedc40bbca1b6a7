#!/usr/bin/env node
// A minimal Prisma generator that writes the DMMF (Prisma's parsed view of schema.prisma) to the
// file named by its `output`. The full DMMF (nullability, defaults, native types, indexes) is not
// in the generated client, and @prisma/internals is not installed, so the schema-drift test asks
// `prisma generate` for it through the documented generator protocol: JSON-RPC, requests on stdin,
// responses on stderr, one JSON object per line.
import { writeFileSync } from "node:fs";
import readline from "node:readline";

const respond = (message) => process.stderr.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.method === "getManifest") {
    respond({ id: request.id, result: { manifest: { prettyName: "DMMF dump", requiresEngines: [] } } });
  } else if (request.method === "generate") {
    writeFileSync(request.params.generator.output.value, JSON.stringify(request.params.dmmf.datamodel));
    respond({ id: request.id, result: null });
  }
});
