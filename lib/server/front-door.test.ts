import { describe, expect, it } from "vitest";
import { checkRequest, MAX_BODY_BYTES, MAX_URL_LENGTH } from "./front-door";

describe("front door checks", () => {
  it.each(["/api/profiles/users/user_id%3A%ZZ/traits", "/x/%C0%AF", "/x/%E0%80%80", "/api/profiles/users/a%", "/%"])(
    "refuses the malformed escape in %s with 400",
    (url) => {
      expect(checkRequest("GET", url, {})).toMatchObject({ status: 400, code: "invalid_request_error" });
    },
  );

  it("lets well-formed addresses through, escapes in the query included (the route checks those)", () => {
    expect(checkRequest("GET", "/api/profiles/users/user_id%3Au_ada/traits?x=%ZZ", {})).toBeUndefined();
    expect(checkRequest("GET", "/profiles/users/email%3A%C3%BC%40x.example", {})).toBeUndefined();
  });

  it("refuses an address longer than the limit with 414", () => {
    expect(checkRequest("GET", `/${"a".repeat(MAX_URL_LENGTH)}`, {})).toMatchObject({ status: 414 });
  });

  it("bounds request bodies: 413 above the limit, 411 without a length, fine within", () => {
    expect(checkRequest("POST", "/embed/zendesk", { "content-length": String(100 * 1024 * 1024) })).toMatchObject({
      status: 413,
    });
    expect(checkRequest("POST", "/embed/zendesk", { "content-length": "1e9" })).toMatchObject({ status: 413 });
    expect(checkRequest("POST", "/embed/zendesk", { "transfer-encoding": "chunked" })).toMatchObject({ status: 411 });
    expect(checkRequest("POST", "/embed/zendesk", { "content-length": String(MAX_BODY_BYTES) })).toBeUndefined();
    expect(checkRequest("POST", "/api/auth/signout", {})).toBeUndefined();
  });
});
