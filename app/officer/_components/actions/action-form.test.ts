import { describe, expect, it } from "vitest";
import { getT } from "~/server/i18n/messages";
import { ZActSchema } from "~/server/modules/dossier/schema";
import { fieldErrorsOf } from "~/server/validation";
import { actionFieldOf, actionResolver, buildActionCommand, defaultActionValues, payloadAndNote, textPath, type Action, type ActionFormContext, type ActionFormValues } from "./action-form";

const t = getT("vi");
const values = (over: Partial<ActionFormValues> = {}): ActionFormValues => ({ ...defaultActionValues({ resultDelivery: "AT_DESK" }), ...over });
const context = (action: Action): ActionFormContext => ({ t, action, dossier: { id: "d1", version: 3 }, idempotencyKey: "key-12345678" });
const resolve = (action: Action, v: ActionFormValues) => actionResolver(v, context(action), { fields: {}, shouldUseNativeValidation: false });

describe("action form", () => {
  it("starts with one empty supplement item and the dossier's delivery method", () => {
    expect(defaultActionValues({ resultDelivery: "BY_POST" })).toMatchObject({ items: [{ value: "" }], method: "BY_POST" });
    expect(defaultActionValues({ resultDelivery: "AT_DESK" }).method).toBe("AT_DESK");
  });

  it.each<[Action, Partial<ActionFormValues>, ReturnType<typeof payloadAndNote>]>([
    ["ASSIGN", { assigneeId: "u1", text: " hi " }, { payload: { assigneeId: "u1" }, note: "hi" }],
    ["FORWARD", { text: "x" }, { payload: { note: "x" } }],
    ["FORWARD", { assigneeId: "u2" }, { payload: { assigneeId: "u2" } }],
    ["APPROVE", {}, { payload: {} }],
    ["SEND_BACK", { text: " why " }, { payload: { note: "why" } }],
    ["REQUEST_SUPPLEMENT", { items: [{ value: " a " }, { value: "" }, { value: "b" }], text: "n" }, { payload: { items: ["a", "b"], note: "n" } }],
    ["REQUEST_FEE", { amount: "500000", text: "ignored" }, { payload: { amount: 500000 } }],
    ["ISSUE_RESULT", { resultNumber: " 12/QĐ " }, { payload: { resultNumber: "12/QĐ" } }],
    ["RETURN_RESULT", { method: "AT_DESK", waybill: "W" }, { payload: { method: "AT_DESK" } }],
    ["RETURN_RESULT", { method: "BY_POST", waybill: " W1 " }, { payload: { method: "BY_POST", waybill: "W1" } }],
    ["EXTEND", { newDate: "2026-03-02", text: "late" }, { payload: { newDueAt: new Date("2026-03-02T10:00:00Z"), reason: "late" } }],
    ["EXTEND", { newDate: "" }, null],
    ["REFUSE", { text: "no" }, { payload: { reason: "no" } }],
    ["COMMENT", { text: "c" }, { payload: { note: "c" } }],
    ["RESUME", { text: "" }, { payload: {} }],
    ["CONFIRM_FEE", { text: "paid" }, { payload: {}, note: "paid" }],
  ])("%s %j", (action, over, expected) => {
    expect(payloadAndNote(action, values(over))).toEqual(expected);
  });

  it("builds the command the outbox sends", () => {
    expect(buildActionCommand(values({ text: "ok" }), context("COMMENT"))).toEqual({
      input: { dossierId: "d1", action: "COMMENT", expectedVersion: 3, idempotencyKey: "key-12345678", payload: { note: "ok" } },
    });
  });

  it("hands a valid command, unparsed, to the submit handler", async () => {
    const result = await resolve("REQUEST_FEE", values({ amount: "1000" }));
    expect(result).toEqual({ values: { dossierId: "d1", action: "REQUEST_FEE", expectedVersion: 3, idempotencyKey: "key-12345678", payload: { amount: 1000 } }, errors: {} });
  });

  it("finds in the browser what the server's schema would refuse, on the same fields and with the server's words", async () => {
    const command = buildActionCommand(values({ text: "  " }), context("COMMENT"));
    const parsed = ZActSchema.safeParse("input" in command ? command.input : null);
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!.issues)).toEqual({ "payload.note": "too_small" });

    const result = await resolve("COMMENT", values({ text: "  " }));
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      text: { type: "too_small", message: "too_small" },
      root: { server: { type: "server", message: t("errors.validationFields", { fields: "payload.note" }) } },
    });
  });

  it("names the field of every command path (server refusals included)", () => {
    const fieldOf = actionFieldOf("EXTEND");
    expect(["payload.newDueAt", "payload.reason", "payload.items.3", "note", "payload.other"].map(fieldOf)).toEqual(["newDate", "text", "items", null, null]);
    expect(actionFieldOf("ASSIGN")("note")).toBe("text");
    expect(actionFieldOf("ASSIGN")("payload.assigneeId")).toBe("assigneeId");
    expect([textPath("STOP"), textPath("FORWARD"), textPath("APPROVE")]).toEqual(["payload.reason", "payload.note", "note"]);
  });

  it("refuses an extension without a date", async () => {
    const result = await resolve("EXTEND", values({ text: "late" }));
    expect(result.errors).toMatchObject({ newDate: { type: "invalid_date" } });
  });
});
