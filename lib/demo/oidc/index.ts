export { startLocalOidcProvider, type LocalOidcClient, type LocalOidcOptions, type LocalOidcProvider } from "./provider";
export { DEMO_PASSWORD, DEMO_USERS, findDemoUser, type DemoUser } from "./demo-users";
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, radiusClient } from "./radius-client";
