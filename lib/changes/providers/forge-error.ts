/**
 * The one error the forge providers throw: an AppError (502 upstream_error; 409 conflict when the
 * forge reports a conflicting concurrent change) whose message names the forge, its status and
 * message, the request, and what the provider was doing. Safe to show: tokens never appear in it.
 */
import { AppError } from "@/lib/errors";

export type ForgeName = "GitHub" | "GitLab";

export interface ForgeRequestErrorInput {
  forge: ForgeName;
  /** What the provider was doing, e.g. "creating the pull request". */
  operation: string;
  /** The forge's HTTP status; null when the forge could not be reached. */
  forgeStatus: number | null;
  /** The forge's own message ("Bad credentials", "404 File Not Found"). */
  forgeMessage: string;
  method?: string;
  path?: string;
  cause?: unknown;
}

export class ForgeRequestError extends AppError {
  readonly forge: ForgeName;
  readonly operation: string;
  readonly forgeStatus: number | null;
  readonly forgeMessage: string;

  constructor(input: ForgeRequestErrorInput) {
    const request = input.method && input.path ? ` (${input.method} ${input.path})` : "";
    const answer =
      input.forgeStatus === null
        ? `${input.forge} could not be reached: ${input.forgeMessage}`
        : // GitLab's messages already start with the status ("404 File Not Found"): say it once.
          `${input.forge} answered ${input.forgeMessage.startsWith(`${input.forgeStatus} `) ? "" : `${input.forgeStatus} `}${input.forgeMessage}`.trimEnd();
    super(input.forgeStatus === 409 ? "conflict" : "upstream_error", {
      userMessage: `${answer}${request} while ${input.operation}.`,
      cause: input.cause,
    });
    this.name = "ForgeRequestError";
    this.forge = input.forge;
    this.operation = input.operation;
    this.forgeStatus = input.forgeStatus;
    this.forgeMessage = input.forgeMessage;
  }
}

/** Paths inside the repository as the providers accept them: relative, no empty, "." or ".." segment. */
export function assertRepositoryPath(forge: ForgeName, file: string): void {
  const segments = file.split("/");
  if (file.length === 0 || file.length > 4096 || segments.some((s) => s === "" || s === "." || s === ".." || s === ".git") || /[\u0000-\u001f]/.test(file)) {
    throw new AppError("invalid_request", { userMessage: `${forge}: "${file}" is not a valid repository path.` });
  }
}

/** "" for the repository root, else the folder without leading or trailing "/". */
export function normaliseFolder(folder: string): string {
  const trimmed = folder.replace(/^\/+|\/+$/g, "");
  return trimmed === "." ? "" : trimmed;
}
