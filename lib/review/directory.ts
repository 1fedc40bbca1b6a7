/**
 * Who reviews what: a team's reviewers are the users whose SSO groups include `team-<team>` and
 * whose Radius roles allow deciding; a team without any falls back to the campaign's creator.
 * Pure, apart from the ReviewerDirectory the caller passes.
 */
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export interface ReviewerCandidate {
  email: string;
  name: string | null;
  /** SSO groups as the identity provider sent them at the user's last sign-in. */
  groups: string[];
  roles: Role[];
}

/** Where users and their SSO groups come from (the app: sign-in records; tests: a fixed list). */
export interface ReviewerDirectory {
  listUsers(): Promise<ReviewerCandidate[]>;
}

export function staticDirectory(users: readonly ReviewerCandidate[]): ReviewerDirectory {
  return { listUsers: async () => users.map((u) => ({ ...u, groups: [...u.groups], roles: [...u.roles] })) };
}

/** "payments" and "team-payments" name the same team. */
export const bareTeam = (team: string): string => team.replace(/^team-/, "");
/** The SSO group of a team: `team-<team>`. */
export const teamGroup = (team: string): string => `team-${bareTeam(team)}`;
/** Both spellings a team may be stored under (secrets carry either). */
export const teamSpellings = (team: string): string[] => [bareTeam(team), teamGroup(team)];

/** Team (as stored on secrets) -> reviewer emails, sorted. Teams without a reviewer are left out (the caller falls back). */
export function assignReviewers(teams: readonly string[], users: readonly ReviewerCandidate[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const deciders = users.filter((u) => can(u.roles, "reviews.decide"));
  for (const team of teams) {
    const group = teamGroup(team);
    const emails = [...new Set(deciders.filter((u) => u.groups.includes(group)).map((u) => u.email))].sort();
    if (emails.length > 0) out[team] = emails;
  }
  return out;
}

export async function groupsOf(directory: ReviewerDirectory, email: string): Promise<string[]> {
  const lower = email.toLowerCase();
  return (await directory.listUsers()).find((u) => u.email.toLowerCase() === lower)?.groups ?? [];
}
