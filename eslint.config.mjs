import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Import boundaries (DESIGN.md, "Module layout"): app -> components, lib; components never reach
 * into the database or Vault; nothing in lib imports app or components; the demo organisation and
 * its stand-ins are tooling that the portal's own code never imports.
 */
const boundaries = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        { target: "./lib", from: "./app", message: "lib/ must not import from app/" },
        { target: "./lib", from: "./components", message: "lib/ must not import from components/" },
        { target: "./components", from: "./app", message: "components/ must not import from app/" },
        {
          target: "./components",
          from: ["./lib/db", "./lib/vault", "./lib/sources", "./lib/auth/guard.ts", "./lib/config.ts"],
          message: "components/ are presentational: shape data in lib/ and pass plain props",
        },
        {
          target: ["./app", "./components", "./lib/!(demo)/**", "./lib/*.ts"],
          from: "./lib/demo",
          message: "the demo organisation and stand-ins are tooling; the portal talks to them only over HTTP",
        },
      ],
    },
  ],
  "import/no-cycle": ["error", { maxDepth: 4, ignoreExternal: true }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { rules: boundaries },
  {
    files: ["**/*.test.ts", "e2e/**", "scripts/**"],
    rules: { "import/no-restricted-paths": "off" },
  },
  { ignores: [".next/**", "generated/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
