import { ZodError } from "zod";

/**
 * The one mapping from error codes to HTTP status. Route handlers never build error responses by
 * hand: they throw AppError (or let anything else escape) and `toHttpResponse` answers.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
  upstream_error: 502,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  invalid_request: "The request is not valid.",
  unauthenticated: "Sign in to continue.",
  forbidden: "Your role does not allow this.",
  not_found: "Not found.",
  conflict: "This conflicts with the current state; reload and try again.",
  precondition_failed: "A precondition for this request failed.",
  payload_too_large: "The request is too large.",
  unprocessable: "The request could not be processed.",
  rate_limited: "Too many requests; try again shortly.",
  internal_error: "Something went wrong on the server. Nothing was changed.",
  not_implemented: "Not implemented yet.",
  upstream_error: "A system Radius depends on answered with an error.",
  unavailable: "Radius is temporarily unavailable; try again shortly.",
};

export interface AppErrorOptions {
  /** Safe to show to the user; never include secret material, SQL or stack traces. */
  userMessage?: string;
  /** Overrides the status from ERROR_STATUS; rarely needed. */
  status?: number;
  /** Safe, structured details for the client (e.g. which field failed). */
  details?: unknown;
  /** The underlying error; logged, never sent. */
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly userMessage: string;
  readonly details: unknown;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const userMessage = options.userMessage ?? DEFAULT_MESSAGES[code];
    super(userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.userMessage = userMessage;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export interface ErrorBody {
  error: { code: AppErrorCode; message: string; details?: unknown; reference?: string };
}

/**
 * The public shape of any error: AppError as itself, zod failures as 400 with their issues (paths
 * and messages only), anything else as 500 "internal_error" with a reference that is also logged.
 */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.userMessage } };
    if (error.details !== undefined) body.error.details = error.details;
    if (error.status >= 500) {
      body.error.reference = logUnexpected(error.cause ?? error);
    }
    return { status: error.status, body };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return { status: 400, body: { error: { code: "invalid_request", message: DEFAULT_MESSAGES.invalid_request, details: { issues } } } };
  }
  const reference = logUnexpected(error);
  return { status: 500, body: { error: { code: "internal_error", message: DEFAULT_MESSAGES.internal_error, reference } } };
}

export function toHttpResponse(error: unknown): Response {
  const { status, body } = toErrorBody(error);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** For server actions, which return results rather than throw across the wire. */
export type ActionFailure = { ok: false; error: ErrorBody["error"] };

export function toActionFailure(error: unknown): ActionFailure {
  return { ok: false, error: toErrorBody(error).body.error };
}

function logUnexpected(error: unknown): string {
  const reference = globalThis.crypto.randomUUID();
  console.error(`[radius] unexpected error (reference ${reference})`, error);
  return reference;
}
