/**
 * The self-review warning. A reviewer should not be the only check on access they hold
 * themselves or their own team holds, so the portal warns (and records `selfReview` on the
 * decision, the audit trail and the report) when, for identity key "<cluster>:<mount>/<name>":
 *
 * 1. own grant: `<name>` is the reviewer's login (the local part of their email), e.g.
 *    "primary:oidc/alice" for alice@radius.example; or the identity is an identity group
 *    ("<cluster>:group/<name>") named like one of the reviewer's SSO groups;
 * 2. own team's identity: the reviewer is in SSO group `team-<t>` and the identity is an identity
 *    group named `team-<t>` or `team-<t>-...`, or a workload owned by team <t> logs in as it
 *    (`identityTeams`, from the snapshot's consumptions).
 *
 * It is a warning, not a refusal: in a small team the owner is often the only one who can judge.
 * Pure.
 */
import { bareTeam } from "./directory";

export interface SelfReviewSubject {
  identityKey: string;
  identityTeams: readonly string[];
}

function parseIdentityKey(key: string): { mount: string; name: string } {
  const rest = key.slice(key.indexOf(":") + 1);
  const slash = rest.lastIndexOf("/");
  return { mount: rest.slice(0, Math.max(slash, 0)), name: rest.slice(slash + 1) };
}

export function selfReviewReason(reviewer: { email: string; groups: readonly string[] }, subject: SelfReviewSubject): string | null {
  const { mount, name } = parseIdentityKey(subject.identityKey);
  const login = reviewer.email.split("@")[0]?.toLowerCase() ?? "";
  const lowerName = name.toLowerCase();
  if (login && lowerName === login) return `Your own identity (${name})`;
  if (mount === "group" && reviewer.groups.includes(name)) return `You are a member of the group ${name}`;
  const teams = reviewer.groups.filter((g) => g.startsWith("team-")).map(bareTeam);
  for (const team of teams) {
    if (mount === "group" && (lowerName === `team-${team}` || lowerName.startsWith(`team-${team}-`))) return `An identity group of your team (${team})`;
  }
  const identityTeams = new Set(subject.identityTeams.map(bareTeam));
  const shared = teams.find((t) => identityTeams.has(t));
  if (shared) return `An identity of your team (${shared}): its workloads log in with it`;
  return null;
}
