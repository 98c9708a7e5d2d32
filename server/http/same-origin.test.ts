import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, isCrossSiteWrite } from "./same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("isCrossSiteRequest", () => {
  it.each([
    ["same-origin fetch", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3200", host: "127.0.0.1:3200" }, false],
    ["typed address", { "sec-fetch-site": "none" }, false],
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example", host: "motcua.gov.vn" }, true],
    ["same site, other port", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3200" }, true],
    // Sec-Fetch-Site is computed by the browser; a proxy rewriting Host does not make it lie.
    ["same-origin behind a proxy that rewrites Host", { "sec-fetch-site": "same-origin", origin: "https://motcua.gov.vn", host: "app:3000" }, false],
    ["no fetch metadata, same origin", { origin: "http://127.0.0.1:3200", host: "127.0.0.1:3200" }, false],
    ["no fetch metadata, other origin", { origin: "http://evil.example", host: "127.0.0.1:3200" }, true],
    ["no fetch metadata, other port", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3200" }, true],
    ["forwarded host", { origin: "https://motcua.gov.vn", host: "app:3000", "x-forwarded-host": "motcua.gov.vn" }, false],
    ["opaque origin", { origin: "null", host: "127.0.0.1:3200" }, true],
    ["neither header (curl, server to server)", { host: "127.0.0.1:3200" }, false],
  ])("%s", (_name, headers, expected) => {
    expect(isCrossSiteRequest(h(headers))).toBe(expected);
  });
});

describe("isCrossSiteWrite", () => {
  const crossSite = h({ "sec-fetch-site": "cross-site", origin: "https://evil.example", host: "127.0.0.1:3200" });
  it("lets safe methods through and refuses cross-site writes", () => {
    expect(isCrossSiteWrite("GET", crossSite)).toBe(false);
    expect(isCrossSiteWrite("head", crossSite)).toBe(false);
    expect(isCrossSiteWrite("POST", crossSite)).toBe(true);
    expect(isCrossSiteWrite("DELETE", crossSite)).toBe(true);
  });
});
