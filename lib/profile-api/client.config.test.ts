import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { settingsFromConfig } from "./client";

describe("client settings from the validated configuration", () => {
  const base = {
    SEGMENT_SPACE_ID: "spa_1",
    SEGMENT_ACCESS_TOKEN: "tok",
    AUTH_SECRET: "x".repeat(32),
    DEMO_PASSWORD: "demo",
  };

  it("uses the documented defaults and the region's host", () => {
    expect(settingsFromConfig(parseConfig({ ...base, SEGMENT_REGION: "eu" }))).toMatchObject({
      baseUrl: "https://profiles.euw1.segment.com",
      spaceId: "spa_1",
      accessToken: "tok",
      maxAttempts: 6,
      deadlineMs: 8_000,
      attemptTimeoutMs: 3_000,
      poolConnections: 32,
      rateLimitPerSecond: 100,
    });
  });

  it("PROFILE_API_URL and the tuning variables override them", () => {
    const config = parseConfig({
      ...base,
      PROFILE_API_URL: "http://127.0.0.1:4010",
      PROFILE_API_MAX_ATTEMPTS: "2",
      PROFILE_API_DEADLINE_MS: "1000",
      PROFILE_API_ATTEMPT_TIMEOUT_MS: "200",
      PROFILE_API_POOL_CONNECTIONS: "3",
    });
    expect(settingsFromConfig(config)).toMatchObject({
      baseUrl: "http://127.0.0.1:4010",
      maxAttempts: 2,
      deadlineMs: 1000,
      attemptTimeoutMs: 200,
      poolConnections: 3,
    });
  });
});
