import { describe, expect, it } from "vitest";
import { codeFromScan } from "./scan";

describe("codeFromScan", () => {
  it.each([
    ["https://motcua.example.gov.vn/track/000.00.53.H48-260213-0118", "000.00.53.H48-260213-0118"],
    ["http://127.0.0.1:3000/track/g22-260301-0007?x=1", "G22-260301-0007"],
    ["  000.00.53.H48-260213-0001 ", "000.00.53.H48-260213-0001"],
  ])("%s -> %s", (raw, code) => {
    expect(codeFromScan(raw)).toBe(code);
  });

  it.each(["https://evil.example/<script>", "WIFI:S:guest;;", "", "https://x/track/%E0%A4%A"])("refuses %s", (raw) => {
    expect(codeFromScan(raw)).toBeNull();
  });
});
