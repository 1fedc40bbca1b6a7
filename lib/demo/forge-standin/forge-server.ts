/**
 * The request loop both forge stand-ins share: authenticate, record, parse the JSON body, route,
 * and turn HttpError into the forge's own error body. Anything else escaping a handler is a bug
 * in the stand-in and answers 500 rather than leaving the client hanging.
 */
import http from "node:http";
import { HttpError, listen, readJsonBody, send, type JsonAnswer, type RecordedForgeRequest, type Router } from "./http-kit";

export interface ForgeServerOptions<User> {
  router: Router<User | null>;
  /** null: no credentials presented; "invalid": credentials presented but unknown. */
  authenticate(req: http.IncomingMessage): User | null | "invalid";
  userName(user: User): string;
  /** The forge's answers to requests that never reach a route. */
  answers: {
    badCredentials: () => JsonAnswer;
    notFound: () => JsonAnswer;
    methodNotAllowed: () => JsonAnswer;
    invalidJson: () => JsonAnswer;
    tooLarge: () => JsonAnswer;
    internal: () => JsonAnswer;
  };
  /** Paths (without the query) that every route lives under, e.g. "/api/v4" for GitLab. */
  prefix?: string;
  /** Headers the forge adds to every answer (request ids). */
  responseHeaders?: () => Record<string, string>;
}

export interface ForgeServer {
  url: string;
  requests: RecordedForgeRequest[];
  close(): Promise<void>;
}

export async function startForgeServer<User>(options: ForgeServerOptions<User>, port?: number): Promise<ForgeServer> {
  const requests: RecordedForgeRequest[] = [];
  let baseUrl = "";
  const server = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const url = new URL(req.url ?? "/", baseUrl);
    const record: RecordedForgeRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: null,
      user: null,
      status: 0,
      at: new Date().toISOString(),
    };
    requests.push(record);
    const respond = (answer: JsonAnswer) => {
      record.status = answer.status;
      send(res, { ...answer, headers: { ...options.responseHeaders?.(), ...answer.headers } });
    };
    handle(options, req, url, record)
      .then(respond)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return respond({ status: error.status, body: error.body });
        console.error("[forge-standin] handler failed", error);
        if (!res.headersSent) respond(options.answers.internal());
        else res.end();
      });
  });
  const listening = await listen(server, port);
  baseUrl = listening.url;
  return { url: listening.url, requests, close: listening.close };
}

async function handle<User>(options: ForgeServerOptions<User>, req: http.IncomingMessage, url: URL, record: RecordedForgeRequest): Promise<JsonAnswer> {
  const user = options.authenticate(req);
  if (user === "invalid") {
    req.resume();
    return options.answers.badCredentials();
  }
  if (user) record.user = options.userName(user);
  const prefix = options.prefix ?? "";
  if (!url.pathname.startsWith(`${prefix}/`)) {
    req.resume();
    return options.answers.notFound();
  }
  const matched = options.router.match(record.method, url.pathname.slice(prefix.length));
  if (matched === null || matched === "method-not-allowed") {
    req.resume();
    return matched === null ? options.answers.notFound() : options.answers.methodNotAllowed();
  }
  record.route = matched.route.label;
  const body = record.method === "GET" || record.method === "HEAD" ? ({ ok: true, value: {} } as const) : await readJsonBody(req);
  if (!body.ok) return body.reason === "too-large" ? options.answers.tooLarge() : options.answers.invalidJson();
  return matched.route.handler({ params: matched.params, query: url.searchParams, body: body.value, user, url });
}
