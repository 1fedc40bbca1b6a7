/**
 * Git forge stand-ins: real HTTP servers speaking the subset of GitHub's REST API v3 and GitLab's
 * REST API v4 that the change providers use, each over a real git repository on disk.
 */
export { startGithubStandin } from "./github";
export type { GithubPullRequestSnapshot, GithubStandin, GithubStandinUser, StartGithubStandinOptions } from "./github";
export type { GithubWebhookDelivery, GithubWebhookTarget } from "./github-webhooks";
export type { RecordedForgeRequest } from "./http-kit";
export { startGitlabStandin } from "./gitlab";
export type { GitlabMergeRequestSnapshot, GitlabStandin, GitlabStandinUser, StartGitlabStandinOptions } from "./gitlab";
