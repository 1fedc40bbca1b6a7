/**
 * Which forge receives the pull requests: GitHub when GITHUB_TOKEN and GITHUB_REPOSITORY are set,
 * GitLab when GITLAB_TOKEN and GITLAB_PROJECT are, else the local git repository TERRAFORM_REPO
 * (when it is a path on disk). The forge clients are imported on first use, so a portal on the
 * local provider never loads Octokit or GitBeaker.
 */
import type { Env } from "@/lib/config-schema";
import { AppError } from "@/lib/errors";
import { createLocalProvider } from "./local";
import type { ChangeProvider, ProviderName } from "./types";

export type ChangeProviderConfig = Pick<
  Env,
  "GITHUB_TOKEN" | "GITHUB_REPOSITORY" | "GITHUB_API_URL" | "GITLAB_TOKEN" | "GITLAB_PROJECT" | "GITLAB_URL" | "TERRAFORM_REPO" | "TERRAFORM_BRANCH"
>;

export function createChangeProvider(config: ChangeProviderConfig): ChangeProvider {
  if (config.GITHUB_TOKEN && config.GITHUB_REPOSITORY) {
    const options = { token: config.GITHUB_TOKEN, repository: config.GITHUB_REPOSITORY, apiUrl: config.GITHUB_API_URL };
    return lazyProvider("github", async () => (await import("./github")).createGithubProvider(options));
  }
  if (config.GITLAB_TOKEN && config.GITLAB_PROJECT) {
    const options = { token: config.GITLAB_TOKEN, project: config.GITLAB_PROJECT, url: config.GITLAB_URL };
    return lazyProvider("gitlab", async () => (await import("./gitlab")).createGitlabProvider(options));
  }
  const repo = config.TERRAFORM_REPO;
  if (repo && !/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) && !/^[^/]+@[^/]+:/.test(repo)) {
    return createLocalProvider({ repo, baseBranch: config.TERRAFORM_BRANCH });
  }
  return unconfiguredProvider();
}

/** A provider whose implementation is loaded on the first call (its name is known at once). */
function lazyProvider(name: ProviderName, load: () => Promise<ChangeProvider>): ChangeProvider {
  let loaded: Promise<ChangeProvider> | undefined;
  const get = () => (loaded ??= load().catch((error: unknown) => {
    loaded = undefined; // let a later call retry (e.g. after a transient import failure)
    throw error;
  }));
  return {
    name,
    readFile: async (file, ref) => (await get()).readFile(file, ref),
    listFiles: async (folder, ref) => (await get()).listFiles(folder, ref),
    openPullRequest: async (input) => (await get()).openPullRequest(input),
    getStatus: async (ref) => (await get()).getStatus(ref),
  };
}

/** No forge and no local repository: every call says what to configure. */
function unconfiguredProvider(): ChangeProvider {
  const fail = async (): Promise<never> => {
    throw new AppError("unavailable", {
      userMessage: "No pull request provider is configured: set GITHUB_TOKEN and GITHUB_REPOSITORY, GITLAB_TOKEN and GITLAB_PROJECT, or TERRAFORM_REPO to a local git repository.",
    });
  };
  return { name: "local", readFile: fail, listFiles: fail, openPullRequest: fail, getStatus: fail };
}

export type { ChangeProvider, OpenPullRequestInput, ProviderName, PullRequestRef, PullRequestState, PullRequestStatus } from "./types";
