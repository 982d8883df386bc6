import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Browser code: client components, the views' helpers and the browser-safe core. It talks to the BFF routes, never to
// the Profile API, the BFF's internals, auth, host sign-in, the server prefetch or server config.
const BROWSER_CODE = [
  "./components",
  "./app/**/_components",
  "./app/providers.tsx",
  "./lib/core",
  "./lib/queries",
  "./lib/views",
  "./lib/embed",
];
const SERVER_ONLY = [
  "./lib/profile-api",
  "./lib/bff",
  "./lib/auth",
  "./lib/hosts",
  "./lib/prefetch",
  "./lib/config.ts",
];

const zones = [
  {
    target: BROWSER_CODE,
    from: SERVER_ONLY,
    message: "Server-only module: browser code talks to the BFF routes, never to the Profile API or server config.",
  },
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ is below app/ and components/: it cannot import them.",
  },
];

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
  {
    // Import rules (eslint-plugin-import-x): no cycles, and the layers above as zones.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones }],
    },
  },
  {
    files: [
      "components/**",
      "app/**/_components/**",
      "app/providers.tsx",
      "lib/core/**",
      "lib/queries/**",
      "lib/views/**",
      "lib/embed/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "undici", message: "Server-only: the browser uses fetch." }] },
      ],
    },
  },
  {
    // The configuration module, Next's start-up hook and the dev tooling (simulator, scripts, tests) may read the environment.
    files: [
      "lib/config.ts",
      "instrumentation.ts",
      "simulator/**",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "tests/**",
      "**/*.test.ts",
      "**/*.test.tsx",
      "*.config.*",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
);
