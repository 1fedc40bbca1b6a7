/**
 * Who currently approves a GitHub pull request, from its reviews in chronological order: each
 * reviewer's latest *deciding* review counts (APPROVED, CHANGES_REQUESTED or DISMISSED). A later
 * COMMENTED review does not withdraw an approval, exactly as GitHub's own review summary behaves.
 */
const DECIDING = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

export function latestApprovals(reviews: { login: string | null; state: string }[]): string[] {
  const latest = new Map<string, { login: string; state: string }>();
  for (const review of reviews) {
    const state = review.state.toUpperCase();
    if (!review.login || !DECIDING.has(state)) continue;
    const key = review.login.toLowerCase();
    latest.delete(key); // re-insert so the order is that of each reviewer's latest decision
    latest.set(key, { login: review.login, state });
  }
  return [...latest.values()].filter((r) => r.state === "APPROVED").map((r) => r.login);
}
