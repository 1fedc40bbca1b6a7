/** Demo organisation generator: public surface. */
export { generateDemoOrganisation } from "./generate";
export { writeDemoOrganisation } from "./write";
export { DEMO_CANARY_PREFIX } from "./canary";
export { DEMO_TOKENS } from "./vault-world-builder";
export { deriveCounts } from "./scale";
export type { DemoCounts, DemoOptions, DemoOrganisation, DemoFile } from "./types";
export type { GroundTruth, GroundTruthSecret, GroundTruthConsumer, GroundTruthDanglingReference } from "./ground-truth-types";
