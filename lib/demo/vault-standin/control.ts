/**
 * Test control of a running stand-in from another process (the e2e suite): POST /_standin/faults
 * with `X-Standin-Control: <token>` and a JSON FaultConfig (failPaths as a string). Outside
 * Vault's /v1/ namespace, and off unless the stand-in was started with a control token.
 */
import type http from "node:http";
import { z } from "zod";
import type { FaultConfig } from "./types";

export const CONTROL_PATH = "/_standin/faults";

const bodySchema = z.object({
  down: z.boolean().optional(),
  sealed: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  failPaths: z.string().max(500).optional(),
});

export async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, token: string, setFaults: (f: FaultConfig) => void): Promise<void> {
  if (req.method !== "POST" || req.headers["x-standin-control"] !== token) {
    res.writeHead(403, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: ["permission denied"] }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed = bodySchema.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
  if (!parsed.success) {
    res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: [parsed.error.message] }));
    return;
  }
  const { failPaths, ...rest } = parsed.data;
  setFaults({ ...rest, ...(failPaths ? { failPaths: new RegExp(failPaths) } : {}) });
  res.writeHead(204).end();
}
