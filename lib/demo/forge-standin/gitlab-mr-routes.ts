/**
 * GitLab's merge request, approval and user-lookup endpoints. Operations live in
 * gitlab-merge-requests.ts; this file parses parameters (Grape style) and answers.
 */
import { z } from "zod";
import { glError, parseParams, resolveProject, userJson, type GitlabContext, type GitlabUserRecord, type MergeRequestRecord } from "./gitlab-context";
import { approvalsJson, approveMergeRequest, createMergeRequest, mergeMergeRequest, mergeRequestJson, updateMergeRequest } from "./gitlab-merge-requests";
import { paginate, type Router } from "./http-kit";

/** Labels arrive as "a,b" or ["a", "b"]. */
const labelList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(",")));
const idList = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]));

const createSchema = z.object({
  source_branch: z.string(),
  target_branch: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  labels: labelList.optional(),
  reviewer_ids: idList.optional(),
  remove_source_branch: z.boolean().optional(),
});
const updateSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  labels: labelList.optional(),
  add_labels: labelList.optional(),
  remove_labels: labelList.optional(),
  reviewer_ids: idList.optional(),
  state_event: z.enum(["close", "reopen"]).optional(),
  target_branch: z.string().optional(),
});
const mergeSchema = z.object({ sha: z.string().optional(), merge_commit_message: z.string().optional(), should_remove_source_branch: z.boolean().optional() });
const approveSchema = z.object({ sha: z.string().optional() });

type User = GitlabUserRecord | null;

export function addMergeRequestRoutes(router: Router<User>, ctx: GitlabContext): void {
  const MR = "/projects/:id/merge_requests";
  const find = (iid: string | undefined): MergeRequestRecord => {
    const mr = ctx.mergeRequests.find((m) => String(m.iid) === iid);
    if (!mr) throw glError(404, "404 Not found");
    return mr;
  };

  router.add(`GET ${MR}`, async ({ params, user, query, url }) => {
    resolveProject(ctx, params.id, user);
    const state = query.get("state") ?? "all";
    const source = query.get("source_branch");
    const target = query.get("target_branch");
    const matching = ctx.mergeRequests
      .filter((m) => state === "all" || m.state === state)
      .filter((m) => !source || m.sourceBranch === source)
      .filter((m) => !target || m.targetBranch === target)
      .sort((a, b) => (query.get("sort") === "asc" ? a.iid - b.iid : b.iid - a.iid));
    const { page, headers } = paginate(matching, url, { defaultPerPage: 20, maxPerPage: 100, gitlabHeaders: true });
    return { status: 200, body: await Promise.all(page.map((m) => mergeRequestJson(ctx, m))), headers };
  });

  router.add(`POST ${MR}`, async ({ params, user, body }) => {
    const actor = resolveProject(ctx, params.id, user);
    const input = parseParams(createSchema, body);
    const mr = await createMergeRequest(ctx, actor, {
      sourceBranch: input.source_branch,
      targetBranch: input.target_branch,
      title: input.title,
      description: input.description ?? null,
      labels: input.labels ?? [],
      reviewerIds: input.reviewer_ids ?? [],
      removeSourceBranch: input.remove_source_branch ?? false,
    });
    return { status: 201, body: await mergeRequestJson(ctx, mr) };
  });

  router.add(`GET ${MR}/:iid`, async ({ params, user }) => {
    resolveProject(ctx, params.id, user);
    return { status: 200, body: await mergeRequestJson(ctx, find(params.iid)) };
  });

  router.add(`PUT ${MR}/:iid`, async ({ params, user, body }) => {
    const actor = resolveProject(ctx, params.id, user);
    const mr = find(params.iid);
    const input = parseParams(updateSchema, body);
    await updateMergeRequest(ctx, mr, actor, {
      title: input.title,
      description: input.description,
      labels: input.labels,
      addLabels: input.add_labels,
      removeLabels: input.remove_labels,
      reviewerIds: input.reviewer_ids,
      stateEvent: input.state_event,
      targetBranch: input.target_branch,
    });
    return { status: 200, body: await mergeRequestJson(ctx, mr) };
  });

  router.add(`PUT ${MR}/:iid/merge`, async ({ params, user, body }) => {
    const actor = resolveProject(ctx, params.id, user);
    const mr = find(params.iid);
    const input = parseParams(mergeSchema, body);
    await mergeMergeRequest(ctx, mr, actor, { sha: input.sha, mergeCommitMessage: input.merge_commit_message, shouldRemoveSourceBranch: input.should_remove_source_branch });
    return { status: 200, body: await mergeRequestJson(ctx, mr) };
  });

  router.add(`GET ${MR}/:iid/approvals`, ({ params, user }) => {
    const actor = resolveProject(ctx, params.id, user);
    return { status: 200, body: approvalsJson(ctx, find(params.iid), actor) };
  });

  router.add(`POST ${MR}/:iid/approve`, ({ params, user, body }) => {
    const actor = resolveProject(ctx, params.id, user);
    const mr = find(params.iid);
    approveMergeRequest(mr, actor, parseParams(approveSchema, body).sha);
    return { status: 201, body: approvalsJson(ctx, mr, actor) };
  });

  router.add("GET /users", ({ query, url }) => {
    const username = query.get("username");
    const users = username ? ctx.users.filter((u) => u.username.toLowerCase() === username.toLowerCase()) : ctx.users;
    const { page, headers } = paginate(users, url, { defaultPerPage: 20, maxPerPage: 100, gitlabHeaders: true });
    return { status: 200, body: page.map((u) => userJson(ctx, u)), headers };
  });
}
