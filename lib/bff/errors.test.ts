import { describe, expect, it, vi } from "vitest";
import { ProfileApiError } from "@/lib/profile-api/errors";
import { toAppError } from "./errors";

describe("toAppError", () => {
  it("maps a ProfileApiError from another bundle's copy of the class (the shared client was built by a page)", async () => {
    vi.resetModules();
    const other = await import("@/lib/profile-api/errors");
    expect(other.ProfileApiError).not.toBe(ProfileApiError);
    const error = new other.ProfileApiError("not_found", "no such profile", { status: 404 });
    expect(toAppError(error)).toMatchObject({ code: "not_found", status: 404 });
  });

  it("anything that is not ours is an internal error without its message", () => {
    const mapped = toAppError(new TypeError("secret detail"));
    expect(mapped.status).toBe(500);
    expect(mapped.message).not.toContain("secret detail");
  });
});
