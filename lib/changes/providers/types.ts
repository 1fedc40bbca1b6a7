/**
 * Where a change becomes a reviewable pull request. Three implementations share this contract:
 * local git (the default run: a real repository on disk), GitHub (@octokit/rest) and GitLab
 * (@gitbeaker/rest). The portal never applies anything: humans review, CI applies.
 */
import type { RenderedFile } from "../schemas";

export type ProviderName = "local" | "github" | "gitlab";

export interface OpenPullRequestInput {
  /** Branch to create from the base branch ("radius/<kind>/<short id>"). */
  branch: string;
  base: string;
  title: string;
  /** Markdown: the request, the reason, the blast-radius delta, a link back to the portal. */
  body: string;
  files: RenderedFile[];
  commitMessage: string;
  labels: string[];
  reviewers: string[];
  draft: boolean;
  /** Author of the commit (the requester; the forge token's owner pushes it). */
  author: { name: string; email: string };
  /**
   * The change's page in Radius (`${NEXTAUTH_URL}/changes/<id>`). Forges link to it from the body;
   * the local provider, which has no web page of its own, returns it as the pull request's url.
   */
  portalUrl?: string;
}

export interface PullRequestRef {
  provider: ProviderName;
  number: number;
  url: string;
  branch: string;
  /** The head commit the files were committed in. */
  commit: string;
}

export type PullRequestState = "open" | "merged" | "closed";

export interface PullRequestStatus {
  state: PullRequestState;
  /** Logins (or emails for local) of those who approved. */
  approvedBy: string[];
}

export interface ChangeProvider {
  readonly name: ProviderName;
  /** Reads a file of the base branch (null when absent): the renderer edits what is there. */
  readFile(path: string, ref: string): Promise<string | null>;
  /** Lists file paths under a folder of the base branch (recursive, relative to the repo root). */
  listFiles(folder: string, ref: string): Promise<string[]>;
  /** Creates the branch and the commit and opens the PR; updates it if the branch already has one. */
  openPullRequest(input: OpenPullRequestInput): Promise<PullRequestRef>;
  getStatus(ref: PullRequestRef): Promise<PullRequestStatus>;
  /**
   * Optional batch read (same semantics as readFile per path). The local provider reads a whole
   * Terraform folder in one `git cat-file --batch`; callers fall back to readFile when absent.
   */
  readFiles?(paths: string[], ref: string): Promise<Map<string, string | null>>;
}
