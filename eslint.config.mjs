import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Browser code may not import server-only modules: the Profile API client, the BFF, auth and config.
const serverOnlyImports = {
  patterns: [
    {
      group: ["@/lib/profile-api/*", "@/lib/bff/*", "@/lib/auth/*", "@/lib/config", "undici"],
      message: "Server-only module: browser code talks to the BFF routes, never to the Profile API or server config.",
    },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/config.ts (getConfig)." },
      ],
    },
  },
  { files: ["components/**", "app/**/_components/**", "lib/queries/**", "lib/format/**"], rules: { "no-restricted-imports": ["error", serverOnlyImports] } },
  {
    // The configuration module, Next's start-up hook and the dev tooling (simulator, scripts, tests) may read the environment.
    files: ["lib/config.ts", "instrumentation.ts", "simulator/**", "scripts/**", "bench/**", "e2e/**", "tests/**", "**/*.test.ts", "**/*.test.tsx", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
);
