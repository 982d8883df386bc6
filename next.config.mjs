/** @type {import('next').NextConfig} */
const nextConfig = {
  // Headers that depend on run-time configuration (frame-ancestors) are set in proxy.ts,
  // so one build serves every deployment. Only static, deployment-independent settings live here.
  poweredByHeader: false,
  reactStrictMode: true,
  // The simulator, scripts and benchmarks are not part of the app bundle.
  outputFileTracingExcludes: { "*": ["simulator/**", "bench/**", "e2e/**", "scripts/**"] },
};

export default nextConfig;
