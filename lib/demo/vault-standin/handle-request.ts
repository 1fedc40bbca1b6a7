/**
 * One request through the stand-in, in the order Vault processes it:
 * faults -> /v1 prefix -> health/seal-status -> sealed -> verb -> body -> token + ACL -> mount -> backend -> envelope.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { dispatch } from "./backend";
import { authorize, effectiveOperation } from "./authorize";
import { isEmptyListResult, buildEnvelope } from "./envelope";
import { VaultHttpError, badRequest, internalError, noHandler, notFound, sealedError } from "./errors";
import type { FaultInjector } from "./faults";
import { toOperation } from "./operation";
import { health, sealStatus } from "./sys-status";
import { resolveMount, type StandinState } from "./state";
import { tokenFromHeaders } from "./tokens";
import type { RecordedRequest } from "./types";

export interface HandleContext {
  state: StandinState;
  faults: FaultInjector;
  record: RecordedRequest;
  method: string;
}

type Answer = { status: number; contentType: string; body: string | Buffer | null };

const json = (status: number, value: unknown): Answer => ({ status, contentType: "application/json", body: JSON.stringify(value) });
const errorAnswer = (e: VaultHttpError): Answer => json(e.status, { errors: e.errors });

export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: HandleContext): Promise<void> {
  const { record, faults } = ctx;
  const url = new URL(req.url ?? "/", "http://standin");
  const isApi = url.pathname.startsWith("/v1/");
  const path = isApi ? decodeURIComponent(url.pathname.slice(4)) : url.pathname;
  record.path = path;
  record.query = Object.fromEntries(url.searchParams);

  const fault = faults.decide(path);
  if (fault === "down") {
    record.fault = "down";
    req.socket.destroy();
    return;
  }
  if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));

  let answer: Answer;
  if (fault === "error" || fault === "failPath") {
    record.fault = fault;
    answer = errorAnswer(internalError());
  } else {
    try {
      answer = isApi ? await route(req, url, path, ctx) : { status: 404, contentType: "text/plain; charset=utf-8", body: "404 page not found\n" };
    } catch (e) {
      answer = errorAnswer(e instanceof VaultHttpError ? e : new VaultHttpError(500, [String((e as Error).message ?? e)]));
    }
  }
  if (fault === "malformed" && answer.contentType === "application/json" && answer.body) {
    record.fault = "malformed";
    // Cut the JSON mid-way: status and headers stay plausible, the body does not parse.
    const text = answer.body.toString();
    answer = { ...answer, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
  }
  send(res, answer, ctx.method === "HEAD");
  record.status = answer.status;
}

function send(res: ServerResponse, answer: Answer, headOnly: boolean): void {
  if (answer.status === 204 || answer.body === null) {
    res.writeHead(answer.status).end();
    return;
  }
  const body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
  res.writeHead(answer.status, { "Content-Type": answer.contentType, "Content-Length": body.length, "Cache-Control": "no-store" });
  res.end(headOnly ? undefined : body);
}

async function route(req: IncomingMessage, url: URL, rawPath: string, ctx: HandleContext): Promise<Answer> {
  const { state } = ctx;
  const sealed = state.isSealed();
  if (rawPath === "sys/health") {
    if (ctx.method !== "GET" && ctx.method !== "HEAD") return json(405, { errors: [] });
    const h = health(state.world, sealed, url.searchParams);
    return json(h.status, h.body);
  }
  if (rawPath === "sys/seal-status") {
    if (ctx.method !== "GET") return json(405, { errors: [] });
    const s = sealStatus(state.world, sealed);
    return json(s.status, s.body);
  }
  if (sealed) {
    ctx.record.fault = ctx.faults.sealed ? "sealed" : null;
    throw sealedError();
  }

  const { op, path } = toOperation(ctx.method, rawPath.replace(/^\/+/, ""), url.searchParams);
  ctx.record.operation = op;
  const body = await readBody(req, op, url.searchParams);
  const mount = resolveMount(state.mounts, path);
  const relPath = mount ? path.slice(Math.min(mount.path.length, path.length)) : path;
  const rawToken = tokenFromHeaders(req.headers);
  // Recorded before the ACL decision, so denied requests show who tried what.
  ctx.record.tokenAccessor = rawToken ? (state.tokens.get(rawToken)?.token.accessor ?? null) : null;
  ctx.record.operation = effectiveOperation(mount, relPath, op);
  const auth = authorize({ state, mount, path, relPath, op, rawToken });
  if (!mount) throw noHandler(path);

  const result = await dispatch(mount.backend, { op: auth.op, path: relPath, fullPath: path, mountPath: mount.path, query: url.searchParams, body, token: auth.token });
  if (result.kind === "empty") return { status: 204, contentType: "", body: null };
  if (result.kind === "raw") return { status: result.status, contentType: result.contentType, body: result.body };
  if (op === "list" && isEmptyListResult(result.data, result.warnings)) throw notFound();
  if (result.data === null && !result.warnings?.length) throw notFound();
  return json(result.status ?? 200, buildEnvelope({ path, data: result.data, warnings: result.warnings, mountType: mount.backend.type }));
}

/** Writes carry JSON; reads take their parameters from the query string, as in Vault. */
async function readBody(req: IncomingMessage, op: string, query: URLSearchParams): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (op === "read" || op === "list" || op === "header") {
    const q = Object.fromEntries(query);
    delete q.list;
    return q;
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch (e) {
    throw badRequest(`failed to parse JSON input: ${(e as Error).message}`);
  }
}
