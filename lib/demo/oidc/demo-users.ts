/** The demo organisation's people: one per Radius role, plus one with no Radius group. */
export interface DemoUser {
  /** The login name on the demo sign-in page, and the OIDC `sub`. */
  login: string;
  email: string;
  name: string;
  groups: readonly string[];
  /** What the user is for, shown on the demo sign-in page. */
  description: string;
}

/** Shown on the demo sign-in page; the demo provider is for local runs and tests only. */
export const DEMO_PASSWORD = "radius-demo";

export const DEMO_USERS: readonly DemoUser[] = [
  { login: "alice", email: "alice@radius.example", name: "Alice Nguyen", groups: ["radius-engineers", "team-payments"], description: "engineer" },
  { login: "sam", email: "sam@radius.example", name: "Sam Okafor", groups: ["radius-security"], description: "security" },
  { login: "carol", email: "carol@radius.example", name: "Carol Diaz", groups: ["radius-compliance"], description: "compliance" },
  { login: "adam", email: "adam@radius.example", name: "Adam Fischer", groups: ["radius-admins"], description: "platform admin" },
  { login: "nina", email: "nina@radius.example", name: "Nina Patel", groups: ["team-search"], description: "no Radius group (sees 'no access')" },
];

export function findDemoUser(login: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.login === login);
}
