/**
 * startVaultStandin: a node:http server that speaks Vault's HTTP API over a VaultWorld.
 * TCP connections go through ListMethodShim so the custom LIST verb reaches the handler.
 */
import http from "node:http";
import net from "node:net";
import { CONTROL_PATH, handleControl } from "./control";
import { FaultInjector } from "./faults";
import { handleRequest } from "./handle-request";
import { ListMethodShim } from "./list-method-shim";
import type { FaultConfig, RecordedRequest, StartVaultStandinOptions, VaultStandin } from "./types";
import { indexWorld } from "./world-index";

export async function startVaultStandin(options: StartVaultStandinOptions): Promise<VaultStandin> {
  const faults = new FaultInjector(options.faults);
  const world = options.world;
  const state = await indexWorld(world, () => faults.sealed || world.sealed);
  const requests: RecordedRequest[] = [];

  const httpServer = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const shim = req.socket as unknown as ListMethodShim;
    const method = shim instanceof ListMethodShim && shim.takeWasList() ? "LIST" : (req.method ?? "GET");
    res.on("finish", () => shim.markIdle?.());
    res.on("close", () => shim.markIdle?.());
    const record: RecordedRequest = {
      method,
      path: "",
      query: {},
      operation: null,
      tokenAccessor: null,
      status: 0,
      fault: null,
      at: new Date().toISOString(),
      durationMs: 0,
    };
    if (options.controlToken && req.url === CONTROL_PATH) {
      handleControl(req, res, options.controlToken, (f) => faults.set(f)).catch(() => res.writeHead(400).end());
      return;
    }
    const started = performance.now();
    res.on("finish", () => (record.durationMs = performance.now() - started));
    requests.push(record);
    const max = options.maxRecordedRequests ?? Infinity;
    // Trim in batches so a capped log costs O(1) amortised per request; same array object for callers.
    if (requests.length > max + Math.max(100, max / 10)) requests.splice(0, requests.length - max);
    handleRequest(req, res, { state, faults, record, method }).catch((err: unknown) => {
      // Last resort: never leave a client hanging on a bug in the stand-in.
      record.status = 500;
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ errors: [String(err)] }));
    });
  });

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    // Through the shim, node:http writes headers and body separately; without this, Nagle's
    // algorithm plus delayed ACKs add ~40 ms to every answer.
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
    httpServer.emit("connection", new ListMethodShim(socket));
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    tcp.once("error", reject);
    tcp.listen(options.port ?? 0, host, () => resolve());
  });
  const address = tcp.address() as net.AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${address.port}`,
    requests,
    setFaults: (f: FaultConfig) => faults.set(f),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        httpServer.close();
        tcp.close(() => resolve());
      }),
  };
}
