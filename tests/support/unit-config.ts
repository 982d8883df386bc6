import { vi } from "vitest";

/**
 * The least configuration under which server modules that read getConfig() (e.g. the shared store behind revocation)
 * start in a unit test: no REDIS_URL, so the shared store is this process's memory.
 */
export function stubUnitConfig(): void {
  vi.stubEnv("SEGMENT_SPACE_ID", "spa_unit");
  vi.stubEnv("SEGMENT_ACCESS_TOKEN", "unit-token");
  vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret-0123");
  vi.stubEnv("DEMO_PASSWORD", "demo");
}
