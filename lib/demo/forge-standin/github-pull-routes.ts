/**
 * GitHub's pulls, reviews, review-request and issue-label endpoints (docs.github.com/rest/pulls,
 * /rest/issues/labels). The operations live in github-pulls.ts; this file parses and answers.
 */
import { z } from "zod";
import { assertRepository, notFound, parseBody, type GithubContext, type GithubUserRecord, type PullRecord } from "./github-context";
import { pullJson, reviewJson } from "./github-pull-json";
import { addLabels, createPull, mergePull, requestReviewers, submitReview, updatePull } from "./github-pulls";
import { paginate, type Router } from "./http-kit";

const DOCS = {
  list: "https://docs.github.com/rest/pulls/pulls#list-pull-requests",
  create: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
  get: "https://docs.github.com/rest/pulls/pulls#get-a-pull-request",
  update: "https://docs.github.com/rest/pulls/pulls#update-a-pull-request",
  merge: "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request",
  reviews: "https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request",
  createReview: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
  reviewers: "https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request",
  labels: "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue",
};

const createSchema = z.object({
  title: z.string(),
  head: z.string(),
  base: z.string(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const updateSchema = z.object({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(["open", "closed"]).optional(),
  base: z.string().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const mergeSchema = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(["merge", "squash", "rebase"]).optional(),
});
const reviewSchema = z.object({
  commit_id: z.string().optional(),
  body: z.string().optional(),
  event: z.enum(["APPROVE", "REQUEST_CHANGES", "COMMENT"]).optional(),
});
const reviewersSchema = z.object({ reviewers: z.array(z.string()).optional(), team_reviewers: z.array(z.string()).optional() });
/** The endpoint accepts {"labels": [...]}, a bare array, or label objects {"name": ...}. */
const labelsSchema = z.union([
  z.object({ labels: z.array(z.union([z.string(), z.object({ name: z.string() })])) }),
  z.array(z.union([z.string(), z.object({ name: z.string() })])).transform((labels) => ({ labels })),
]);

type User = GithubUserRecord | null;

export function addPullRoutes(router: Router<User>, ctx: GithubContext): void {
  const R = "/repos/:owner/:repo";
  const pullOf = (params: Record<string, string>, docs: string): PullRecord => {
    const pr = ctx.pulls.find((p) => String(p.number) === params.number);
    if (!pr) throw notFound(docs);
    return pr;
  };

  router.add(`GET ${R}/pulls`, async ({ params, user, query, url }) => {
    assertRepository(ctx, params, user);
    const state = query.get("state") ?? "open";
    const head = query.get("head");
    const base = query.get("base");
    // "Default: desc when sort is created or sort is not specified, otherwise asc."
    const sort = query.get("sort") ?? "created";
    const direction = query.get("direction") ?? (sort === "created" ? "desc" : "asc");
    const matching = ctx.pulls
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => !head || `${ctx.owner}:${p.head}`.toLowerCase() === head.toLowerCase() || (!head.includes(":") && p.head === head))
      .filter((p) => !base || p.base === base)
      .sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    const { page, headers } = paginate(matching, url, { defaultPerPage: 30, maxPerPage: 100 });
    return { status: 200, body: await Promise.all(page.map((p) => pullJson(ctx, p, false))), headers };
  });

  router.add(`POST ${R}/pulls`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const input = parseBody(createSchema, body, DOCS.create);
    const pr = await createPull(ctx, actor, { title: input.title, head: input.head, base: input.base, body: input.body ?? null, draft: input.draft ?? false });
    const json = await pullJson(ctx, pr, true);
    return { status: 201, body: json, headers: { Location: json.url } };
  });

  router.add(`GET ${R}/pulls/:number`, async ({ params, user }) => {
    assertRepository(ctx, params, user);
    return { status: 200, body: await pullJson(ctx, pullOf(params, DOCS.get), true) };
  });

  router.add(`PATCH ${R}/pulls/:number`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.update);
    const input = parseBody(updateSchema, body, DOCS.update);
    await updatePull(ctx, pr, actor, { title: input.title, body: input.body, state: input.state, base: input.base });
    return { status: 200, body: await pullJson(ctx, pr, true) };
  });

  router.add(`PUT ${R}/pulls/:number/merge`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.merge);
    const input = parseBody(mergeSchema, body, DOCS.merge);
    const sha = await mergePull(ctx, pr, actor, { sha: input.sha, commitTitle: input.commit_title, commitMessage: input.commit_message, mergeMethod: input.merge_method });
    return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
  });

  router.add(`GET ${R}/pulls/:number/reviews`, ({ params, user, url }) => {
    assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.reviews);
    // Pending reviews are visible only to their author.
    const visible = pr.reviews.filter((r) => r.state !== "PENDING" || r.user === user?.login);
    const { page, headers } = paginate(visible, url, { defaultPerPage: 30, maxPerPage: 100 });
    return { status: 200, body: page.map((r) => reviewJson(ctx, pr, r)), headers };
  });

  router.add(`POST ${R}/pulls/:number/reviews`, async ({ params, user, body }) => {
    const actor = assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.createReview);
    const input = parseBody(reviewSchema, body, DOCS.createReview);
    const review = await submitReview(ctx, pr, actor, { event: input.event, body: input.body, commitId: input.commit_id });
    return { status: 200, body: reviewJson(ctx, pr, review) };
  });

  router.add(`POST ${R}/pulls/:number/requested_reviewers`, async ({ params, user, body }) => {
    assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.reviewers);
    const input = parseBody(reviewersSchema, body, DOCS.reviewers);
    requestReviewers(ctx, pr, input.reviewers ?? [], input.team_reviewers ?? []);
    return { status: 201, body: await pullJson(ctx, pr, false) };
  });

  router.add(`POST ${R}/issues/:number/labels`, ({ params, user, body }) => {
    assertRepository(ctx, params, user);
    const pr = pullOf(params, DOCS.labels);
    const input = parseBody(labelsSchema, body, DOCS.labels);
    return { status: 200, body: addLabels(ctx, pr, input.labels.map((l) => (typeof l === "string" ? l : l.name))) };
  });
}
