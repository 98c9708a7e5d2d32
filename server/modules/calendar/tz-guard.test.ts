import { describe, expect, it } from "vitest";

// Guards the premise of every calendar test: the process is NOT on Vietnam time.
describe("test time zone", () => {
  it("is forced to America/New_York by vitest.config.ts", () => {
    expect(process.env.TZ).toBe("America/New_York");
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/New_York");
  });

  it("makes local Date constructors disagree with UTC+7", () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(-420);
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300); // EST
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(240); // EDT
  });
});
