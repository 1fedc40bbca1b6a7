/**
 * The small HTTP toolkit both forge stand-ins share: a route table with ":param" (one path segment)
 * and "*rest" (the remainder) patterns, JSON bodies, request recording and offset pagination with
 * the Link header both forges send.
 */
import http from "node:http";
import type net from "node:net";

export interface RecordedForgeRequest {
  method: string;
  /** Path as received (percent-encoding kept, no query). */
  path: string;
  query: Record<string, string>;
  /** The matched route, e.g. "POST /repos/:owner/:repo/git/refs"; null when no route matched. */
  route: string | null;
  /** Login / username of the token's owner; null when unauthenticated. */
  user: string | null;
  status: number;
  at: string;
}

/** Thrown by handlers; the stand-in turns it into the forge's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Send `body` (a string) as-is with this content type instead of JSON. */
  contentType?: string;
}

export interface RouteContext<User> {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  user: User;
  /** Absolute URL of this request (for Link headers). */
  url: URL;
}

export type RouteHandler<User> = (ctx: RouteContext<User>) => Promise<JsonAnswer> | JsonAnswer;

interface CompiledRoute<User> {
  method: string;
  label: string;
  segments: string[];
  handler: RouteHandler<User>;
}

export class Router<User> {
  private readonly routes: CompiledRoute<User>[] = [];

  add(spec: string, handler: RouteHandler<User>): this {
    const [method = "", pattern = ""] = spec.split(" ");
    this.routes.push({ method, label: spec, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, pathname: string): { route: CompiledRoute<User>; params: Record<string, string> } | "method-not-allowed" | null {
    const parts = pathname.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathMatched = true;
    }
    return pathMatched ? "method-not-allowed" : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i] ?? "";
    if (seg.startsWith("*")) {
      if (i >= parts.length) return null;
      params[seg.slice(1)] = safeDecode(parts.slice(i).join("/"));
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith(":")) params[seg.slice(1)] = safeDecode(part);
    else if (seg !== part) return null;
  }
  return parts.length === pattern.length ? params : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const MAX_BODY = 10 * 1024 * 1024;

export async function readJsonBody(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reason: "too-large" | "invalid" }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, reason: "too-large" };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}

export function send(res: http.ServerResponse, answer: JsonAnswer): void {
  const payload = answer.contentType ? String(answer.body) : answer.status === 204 ? "" : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "Content-Type": answer.contentType ?? "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    ...answer.headers,
  });
  res.end(payload);
}

/**
 * Offset pagination as GitHub and GitLab do it: `page` (1-based) and `per_page` (default and cap per
 * forge), a Link header with next/prev/first/last. GitLab adds its X-* headers (`gitlabHeaders`).
 */
export function paginate<T>(items: T[], url: URL, options: { defaultPerPage: number; maxPerPage: number; gitlabHeaders?: boolean }): { page: T[]; headers: Record<string, string> } {
  const perPage = clampInt(url.searchParams.get("per_page"), options.defaultPerPage, 1, options.maxPerPage);
  const page = clampInt(url.searchParams.get("page"), 1, 1, Number.MAX_SAFE_INTEGER);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const u = new URL(url);
    u.searchParams.set("page", String(p));
    u.searchParams.set("per_page", String(perPage));
    return u.toString();
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < totalPages) rels.push(`<${link(page + 1)}>; rel="next"`);
  rels.push(`<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`);
  const headers: Record<string, string> = {};
  // GitHub omits Link when everything fits on one page; GitLab always sends it.
  if (options.gitlabHeaders || totalPages > 1) headers.Link = rels.join(", ");
  if (options.gitlabHeaders) {
    Object.assign(headers, {
      "X-Page": String(page),
      "X-Per-Page": String(perPage),
      "X-Total": String(items.length),
      "X-Total-Pages": String(totalPages),
      "X-Next-Page": page < totalPages ? String(page + 1) : "",
      "X-Prev-Page": page > 1 ? String(page - 1) : "",
    });
  }
  return { page: slice, headers };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** Listens on 127.0.0.1 (port 0 by default) and closes every open connection on close(). */
export async function listen(server: http.Server, port = 0, host = "127.0.0.1"): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** ISO 8601 in UTC without milliseconds, as GitHub prints timestamps ("2011-01-26T19:01:12Z"). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Bearer/token credentials from an Authorization header ("token x", "Bearer x"). */
export function authorizationToken(header: string | undefined): string | null {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
