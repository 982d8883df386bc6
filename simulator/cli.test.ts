import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH } from "./contract/harness";

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

/** Starts `tsx simulator/cli.ts` and resolves with the URL from its one start-up line. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", "simulator/cli.ts", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child?.kill("SIGKILL"), 15_000);
  for await (const line of lines) {
    clearTimeout(timer);
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match?.[1]) return match[1];
  }
  throw new Error("the simulator printed no URL");
}

describe("npm run simulator (cli.ts)", () => {
  it("prints its URL, serves health and stops cleanly on SIGTERM", async () => {
    const url = await startCli(["--port", "0"]);
    expect(await (await fetch(`${url}/__admin/health`)).json()).toEqual({ status: "ok" });
    child?.kill("SIGTERM");
    const [code] = (await once(child!, "exit")) as [number | null];
    expect(code).toBe(0);
  });

  it("takes the token, space and faults from the environment", async () => {
    const url = await startCli([], {
      SIM_PORT: "0",
      SIM_TOKEN: "other-token",
      SIM_SPACE_ID: "spa_env",
      SIM_ERROR_RATES: "503:1",
    });
    const auth = `Basic ${Buffer.from("other-token:").toString("base64")}`;
    const res = await fetch(`${url}/v1/spaces/spa_env/collections/users/profiles/user_id:u_ada/traits`, {
      headers: { authorization: auth },
    });
    expect(res.status).toBe(503);
    const faults = (await (await fetch(`${url}/__admin/faults`)).json()) as { errorRates: Record<string, number> };
    expect(faults.errorRates).toEqual({ "503": 1 });
  });

  it("flags win over the environment (--reject-auth)", async () => {
    const url = await startCli(["--port", "0", "--reject-auth"]);
    const res = await fetch(`${url}/v1/spaces/spa_demo/collections/users/profiles/user_id:u_ada/traits`, {
      headers: { authorization: AUTH },
    });
    expect(res.status).toBe(401);
  });

  it("a bad value stops it with one line naming the variable", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "simulator/cli.ts"], {
      env: { ...process.env, SIM_PORT: "0", SIM_LATENCY_MS: "soon" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain("SIM_LATENCY_MS");
  });
});
