/**
 * HTTP test harness: the Profile API simulator (in-process, ephemeral port) and the BUILT app (`npm start`'s script as a child
 * process, free port, loopback), signed in through the real next-auth demo flow. Every response and every log line is
 * recorded so suites can assert that the access token never leaks. Needs `npm run build` first (`npm test` does it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Faults, type RunningSimulator, startSimulator } from "@/simulator/server";
import { SIM_DEFAULTS } from "@/simulator/seed-ids";
import { getFreePort } from "@/tests/support/free-port";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_PASSWORD = "demo-http-tests";

export type Recorded = { url: string; status: number; headers: string; body: string };
export type HttpResult = { status: number; headers: Headers; text: string; json: unknown };

export type Stack = {
  appUrl: string;
  sim: RunningSimulator;
  token: string;
  /** The session cookie of a signed-in demo agent ("HTTP Tester"), as a Cookie header value. */
  session: string;
  get(pathname: string, init?: { headers?: Record<string, string>; signedIn?: boolean }): Promise<HttpResult>;
  /** Parsed JSON log lines the app printed on stdout. */
  logLines(): Array<Record<string, unknown>>;
  rawOutput(): string;
  recorded: Recorded[];
  setFaults(faults: Partial<Faults>): void;
  stop(): Promise<void>;
};

export { getFreePort };

export async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited (${child.exitCode}) before it was healthy:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the app did not answer /api/health within 60 s:\n${output()}`);
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/** The real next-auth credentials flow: CSRF token + cookie, then the demo provider's callback. */
export async function signIn(appUrl: string, username: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${appUrl}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: "/", json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("__Secure-next-auth.session-token="));
  return session ?? null;
}

export function startApp(port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  // `npm start`'s own script: its front door (security headers, early refusals) is part of what is tested.
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  let output = "";
  const child = spawn(tsx, ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return { child, output: () => output };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export type StackOptions = {
  appEnv?: Record<string, string>;
  faults?: Partial<Faults>;
  /** Simulator requests/s; 0 = unlimited. */ simRateLimit?: number;
};

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("The HTTP tests run against the production build: run `npm run build` first (npm test does).");
  }
  // A distinctive token, so a leak anywhere is found by a plain substring search.
  const token = `sim-token-LEAKCHECK-${randomBytes(6).toString("hex")}`;
  const sim = await startSimulator({
    port: 0,
    token,
    spaceId: SIM_DEFAULTS.spaceId,
    faults: options.faults,
    rateLimit: options.simRateLimit,
  });
  const port = await getFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // Each stack audits into its own throwaway database (never ./data of the checkout); AUDIT_DB_PATH in appEnv wins.
  const auditDir = mkdtempSync(path.join(tmpdir(), "sidebar-audit-"));
  const app = startApp(port, {
    AUDIT_DB_PATH: path.join(auditDir, "audit.db"),
    SEGMENT_SPACE_ID: SIM_DEFAULTS.spaceId,
    SEGMENT_ACCESS_TOKEN: token,
    PROFILE_API_URL: sim.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    DEMO_PASSWORD,
    ...options.appEnv,
  });
  try {
    await waitForHealth(appUrl, app.child, app.output);
  } catch (error) {
    await stopChild(app.child);
    await sim.close();
    rmSync(auditDir, { recursive: true, force: true });
    throw error;
  }
  const session = await signIn(appUrl, "HTTP Tester", DEMO_PASSWORD);
  if (!session) throw new Error(`demo sign-in failed:\n${app.output()}`);
  const recorded: Recorded[] = [];

  async function get(pathname: string, init: { headers?: Record<string, string>; signedIn?: boolean } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.signedIn !== false) headers.Cookie = [session, headers.Cookie].filter(Boolean).join("; ");
    const response = await fetch(`${appUrl}${pathname}`, { headers, redirect: "manual" });
    const text = await response.text();
    recorded.push({
      url: pathname,
      status: response.status,
      headers: JSON.stringify([...response.headers]),
      body: text,
    });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: tests assert on text */
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    appUrl,
    sim,
    token,
    session,
    get,
    recorded,
    rawOutput: app.output,
    logLines: () =>
      app
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    setFaults: (faults) => {
      sim.resetFaults();
      sim.setFaults(faults);
    },
    stop: async () => {
      await stopChild(app.child);
      await sim.close();
      rmSync(auditDir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether `url` is one of our own cursor URLs for this route: the profile named by its handle (DESIGN §10), never by
 * its identifier.
 */
export function isOwnCursorUrl(url: string, collection: "users" | "accounts", resource: string): boolean {
  return new RegExp(`^/api/profiles/${collection}/h1\\.[A-Za-z0-9_-]+/${resource}\\?`).test(url);
}

/** `/api/profiles/<collection>/<id>[/<resource>][?query]` with the identifier encoded as one path segment. */
export function profilePath(collection: "users" | "accounts", id: string, resource = "", query = ""): string {
  return `/api/profiles/${collection}/${encodeURIComponent(id)}${resource ? `/${resource}` : ""}${query ? `?${query}` : ""}`;
}
