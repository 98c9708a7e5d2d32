import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, APP_ERROR_CODES, HTTP_STATUS, validationError, type AppErrorCode } from "../errors";
import type { Locale } from "../i18n/core";
import { TRPC_CODE_OF } from "./error-format";
import { createTRPCRouter, protectedProcedure, publicProcedure, type TRPCContext } from "./trpc";

// A router exercising the real builders and error formatter; the database is never reached
// by these procedures, so the context carries none.
const router = createTRPCRouter({
  fail: publicProcedure.input(z.object({ code: z.enum(APP_ERROR_CODES) })).query(({ input }) => {
    throw new AppError(input.code, { message: "internal detail: table dossier, host db-1", details: { currentVersion: 7 } });
  }),
  crash: publicProcedure.query(() => {
    throw new Error("connection to 10.0.0.5 refused");
  }),
  validate: publicProcedure
    .input(z.object({ applicant: z.object({ idNumber: z.string().regex(/^\d{12}$/) }), channel: z.number().int().min(1).max(3) }))
    .query(() => "ok"),
  validateOwn: publicProcedure.input(z.object({ email: z.email("INVALID_EMAIL") })).query(() => "ok"),
  failFields: publicProcedure.query(() => {
    throw validationError({ email: "EMAIL_TAKEN" });
  }),
  busy: publicProcedure.query(() => {
    throw new AppError("UNAVAILABLE", { retryAfterSeconds: 5 });
  }),
  whoami: protectedProcedure.query(({ ctx }) => ctx.actor.userId),
});

function context(locale: Locale): TRPCContext {
  return { db: undefined as never, session: null, locale, headers: new Headers() };
}

async function call(path: string, input: unknown, locale: Locale = "vi") {
  const url = new URL(`http://test/api/trpc/${path}`);
  if (input !== undefined) url.searchParams.set("input", JSON.stringify(superjson.serialize(input)));
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router,
    createContext: () => context(locale),
  });
  const body = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
  return { status: res.status, error: body.error.json };
}

const expectedStatus: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  VALIDATION: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INVALID_TRANSITION: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

describe("error formatter", () => {
  it.each(APP_ERROR_CODES)("maps AppError %s to its HTTP status, appCode and translated message", async (code) => {
    const { status, error } = await call("fail", { code });
    expect(status).toBe(expectedStatus[code]);
    // One table: route handlers answer HTTP_STATUS too, and tRPC's own status for the code agrees.
    expect(HTTP_STATUS[code]).toBe(expectedStatus[code]);
    expect(getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODE_OF[code] }))).toBe(expectedStatus[code]);
    expect(error.data.appCode).toBe(code);
    expect(error.data.code).toBe(TRPC_CODE_OF[code]);
    expect(error.data.details).toEqual({ currentVersion: 7 });
    expect(typeof error.data.userMessage).toBe("string");
    expect(error.data.userMessage).not.toMatch(/^errors\./);
  });

  it("translates into the caller's locale", async () => {
    expect((await call("fail", { code: "FORBIDDEN" }, "vi")).error.data.userMessage).toBe("Bạn không có quyền thực hiện thao tác này.");
    expect((await call("fail", { code: "FORBIDDEN" }, "en")).error.data.userMessage).toBe("You are not allowed to do this.");
  });

  it("turns input validation errors into VALIDATION with field paths", async () => {
    const { status, error } = await call("validate", { applicant: { idNumber: "12" }, channel: 9 }, "vi");
    expect(status).toBe(400);
    expect(error.data.appCode).toBe("VALIDATION");
    expect(error.data.fieldErrors).toEqual({ "applicant.idNumber": "invalid_format", channel: "too_big" });
    expect(error.data.userMessage).toBe("Dữ liệu không hợp lệ ở: applicant.idNumber, channel.");
  });

  it("keeps a schema's own problem code and an AppError's field errors in the same shape", async () => {
    const own = await call("validateOwn", { email: "x" }, "en");
    expect(own.status).toBe(400);
    expect(own.error.data.fieldErrors).toEqual({ email: "INVALID_EMAIL" });
    const domain = await call("failFields", undefined, "en");
    expect(domain.status).toBe(400);
    expect(domain.error.data.appCode).toBe("VALIDATION");
    expect(domain.error.data.fieldErrors).toEqual({ email: "EMAIL_TAKEN" });
    expect(domain.error.data.userMessage).toBe("Invalid data in: email.");
  });

  it("sends Retry-After's seconds with UNAVAILABLE", async () => {
    const { status, error } = await call("busy", undefined, "en");
    expect(status).toBe(503);
    expect(error.data.retryAfterSeconds).toBe(5);
  });

  it("reports an unexpected exception as INTERNAL", async () => {
    const { status, error } = await call("crash", undefined, "en");
    expect(status).toBe(500);
    expect(error.data.appCode).toBe("INTERNAL");
    expect(error.data.userMessage).toBe("A system error occurred. Please try again later.");
  });

  it("requires a session for protected procedures", async () => {
    const { status, error } = await call("whoami", undefined);
    expect(status).toBe(401);
    expect(error.data.appCode).toBe("UNAUTHENTICATED");
  });
});

describe("error formatter in production", () => {
  it("sends neither the stack nor the internal message", async () => {
    const previous = process.env.NODE_ENV;
    // The formatter reads NODE_ENV per call; tRPC's own isDev was fixed at init (dev here), so
    // this also proves the formatter strips what tRPC would have added.
    (process.env as Record<string, string>).NODE_ENV = "production";
    try {
      const crash = await call("crash", undefined, "vi");
      expect(crash.error.data.stack).toBeUndefined();
      expect(crash.error.message).toBe("Hệ thống gặp sự cố. Vui lòng thử lại sau.");
      expect(JSON.stringify(crash.error)).not.toContain("10.0.0.5");

      for (const code of APP_ERROR_CODES) {
        const failed = await call("fail", { code }, "en");
        expect(JSON.stringify(failed.error)).not.toContain("host db-1");
        expect(failed.error.message).toBe(failed.error.data.userMessage);
      }
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = previous;
    }
  });

  it("includes the stack in development, for debugging", async () => {
    const { error } = await call("crash", undefined);
    expect(typeof error.data.stack).toBe("string");
  });
});
