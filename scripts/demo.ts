/**
 * `npm run demo`: the Profile API simulator and the app (production build) together, for a look around without a
 * Segment space. Builds first when there is no build or the sources are newer; Ctrl-C stops both.
 * Ports: DEMO_PORT (app, default 3000), SIM_PORT (simulator, default 4010).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SEED_IDS, SIM_DEFAULTS } from "../simulator/seed-ids";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const appPort = Number(process.env.DEMO_PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? SIM_DEFAULTS.port);
const DEMO_PASSWORD = "demo";
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package.json",
  "proxy.ts",
  "instrumentation.ts",
];

for (const [name, port] of [
  ["DEMO_PORT", appPort],
  ["SIM_PORT", simPort],
] as const) {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`${name} must be a port number (1-65535)`);
    process.exit(1);
  }
}

/** Newest modification time under the build inputs (bounded walk; node_modules, dot-folders and tests skipped). */
function newestSourceTime(): number {
  let newest = 0;
  let budget = 20_000;
  const visit = (p: string) => {
    if (budget-- <= 0 || !existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p))
        if (!name.startsWith(".") && name !== "node_modules") visit(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, stat.mtimeMs);
  };
  BUILD_INPUTS.forEach((input) => visit(path.join(root, input)));
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return !existsSync(buildId) || newestSourceTime() > statSync(buildId).mtimeMs;
}

function run(args: string[], env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
}

async function waitForExit(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

async function waitForHealthy(name: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer ${url} within 60 s`);
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.kill("SIGTERM");
      await waitForExit(child);
      clearTimeout(timer);
    }),
  );
}

function printBanner(): void {
  const url = `http://localhost:${appPort}`;
  const rows: Array<[string, string]> = [
    [SEED_IDS.ada.userId, "a well-rounded customer: traits, audiences, several accounts"],
    [SEED_IDS.ada.phone, "the same customer by phone (a leading +)"],
    [SEED_IDS.heavy.userId, "thousands of events in the last 14 days"],
    [SEED_IDS.quiet.userId, "traits but no events"],
    [SEED_IDS.acme.groupId, "an account (collection accounts) with several users"],
  ];
  console.log(`
  Profile Sidebar demo is running
    App:        ${url}
    Sign in:    any agent name, password "${DEMO_PASSWORD}"
    Simulator:  http://127.0.0.1:${simPort} (space ${SIM_DEFAULTS.spaceId})

  Identifiers to try:
${rows.map(([id, what]) => `    ${id.padEnd(26)} ${what}`).join("\n")}
    e.g. ${url}/profiles/users/${encodeURIComponent(SEED_IDS.ada.userId)}

  Press Ctrl-C to stop.
`);
}

async function main(): Promise<void> {
  const tsx = require.resolve("tsx/cli");
  if (needsBuild()) {
    console.log("Building the app (first run or sources changed)…");
    const code = await waitForExit(
      run([require.resolve("next/dist/bin/next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }),
    );
    if (code !== 0) throw new Error(`the build failed (exit ${code})`);
  }
  const sim = run(
    [tsx, "simulator/cli.ts"],
    { ...process.env, SIM_PORT: String(simPort), SIM_TOKEN: SIM_DEFAULTS.token, SIM_SPACE_ID: SIM_DEFAULTS.spaceId },
    true,
  );
  const app = run(
    [tsx, "--conditions=react-server", "scripts/start.ts"],
    {
      ...process.env,
      PORT: String(appPort),
      SEGMENT_SPACE_ID: SIM_DEFAULTS.spaceId,
      SEGMENT_ACCESS_TOKEN: SIM_DEFAULTS.token,
      PROFILE_API_URL: `http://127.0.0.1:${simPort}`,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      DEMO_PASSWORD,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    true,
  );
  const children = [sim, app];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stop(children);
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  for (const child of children) child.once("exit", () => void shutdown(stopping ? 0 : 1));
  try {
    await waitForHealthy("the simulator", `http://127.0.0.1:${simPort}/__admin/health`, sim);
    await waitForHealthy("the app", `http://127.0.0.1:${appPort}/api/health`, app);
  } catch (error) {
    console.error(`demo: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  printBanner();
}

await main();
