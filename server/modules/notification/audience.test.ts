import { describe, expect, it } from "vitest";
import type { DossierAction } from "../../db/generated/enums";
import { applicantRecipients, noticesFor, officerRecipients, type ApplicantContact } from "./audience";

describe("noticesFor: who is told of which event", () => {
  const officer = "officer-2";
  // action, payload, actor → the notices
  it.each<[DossierAction, Record<string, unknown>, string | null, ReturnType<typeof noticesFor>]>([
    ["SUBMIT", {}, "citizen", [{ to: "applicant", template: "dossier.submitted" }]],
    ["INTAKE", {}, "desk", [{ to: "applicant", template: "dossier.received" }]],
    ["RECEIVE", {}, "desk", [{ to: "applicant", template: "dossier.received" }]],
    ["REFUSE", { reason: "x" }, "desk", [{ to: "applicant", template: "dossier.refused" }]],
    ["REQUEST_SUPPLEMENT", { items: ["a"] }, "desk", [{ to: "applicant", template: "dossier.supplementRequested" }]],
    ["REQUEST_FEE", { amount: 1 }, "desk", [{ to: "applicant", template: "dossier.feeRequested" }]],
    ["ISSUE_RESULT", { resultNumber: "1" }, "clerk", [{ to: "applicant", template: "dossier.resultReady" }]],
    ["RETURN_RESULT", { method: "AT_DESK" }, "desk", [{ to: "applicant", template: "dossier.resultReturned" }]],
    ["RETURN_RESULT", { method: "BY_POST", waybill: "EB1" }, "post", [{ to: "applicant", template: "dossier.resultPosted" }]],
    ["EXTEND", { reason: "x" }, "leader", [{ to: "applicant", template: "dossier.extended" }]],
    ["WITHDRAW", { reason: "x" }, "citizen", [{ to: "applicant", template: "dossier.withdrawn" }]],
    ["STOP", { reason: "x" }, "leader", [{ to: "applicant", template: "dossier.stopped" }]],
    // internal moves: the applicant is not told
    ["COMMENT", { note: "x", assigneeId: officer }, "leader", []],
    ["CONFIRM_FEE", {}, "desk", []],
    ["RESUME", {}, "desk", []],
    ["SUPPLEMENT", {}, "citizen", []],
    // a dossier landing in an officer's hands
    ["ASSIGN", { assigneeId: officer }, "leader", [{ to: "officer", userId: officer, template: "officer.assigned" }]],
    ["FORWARD", { assigneeId: officer }, "specialist", [{ to: "officer", userId: officer, template: "officer.assigned" }]],
    ["APPROVE", { assigneeId: officer }, "leader", [{ to: "officer", userId: officer, template: "officer.assigned" }]],
    ["SEND_BACK", { note: "x", assigneeId: officer }, "leader", [{ to: "officer", userId: officer, template: "officer.assigned" }]],
    ["FORWARD", {}, "specialist", []],
    // taking it oneself is not news
    ["ASSIGN", { assigneeId: officer }, officer, []],
  ])("%s %j by %s", (action, payload, actorId, expected) => {
    expect(noticesFor({ action, toStatus: "PROCESSING", payload, actorId })).toEqual(expected);
  });
});

describe("applicantRecipients", () => {
  const owner = { id: "u1", active: true, email: "an@example.vn", phone: "0912345678", locale: "vi", channels: ["EMAIL", "SMS"] };
  const declared = { email: "desk-given@example.vn", phone: "0987654321" };
  const all = { email: true, sms: true };
  const summary = (contact: ApplicantContact, available = all, isTest = false) =>
    applicantRecipients(contact, available, isTest).map((r) => `${r.channel}:${r.recipientKey}:${r.address ?? "-"}:${r.locale}`);

  it.each<[string, ApplicantContact, { email: boolean; sms: boolean }, boolean, string[]]>([
    ["an account holder: in the app, e-mail and SMS at the account's addresses", { owner, declared }, all, false, ["IN_APP:user:u1:-:vi", "EMAIL:user:u1:an@example.vn:vi", "SMS:user:u1:0912345678:vi"]],
    ["who chose e-mail only", { owner: { ...owner, channels: ["EMAIL"] }, declared }, all, false, ["IN_APP:user:u1:-:vi", "EMAIL:user:u1:an@example.vn:vi"]],
    ["who chose neither: the app only", { owner: { ...owner, channels: [] }, declared }, all, false, ["IN_APP:user:u1:-:vi"]],
    ["an account without a phone: the phone declared on the dossier", { owner: { ...owner, phone: null }, declared }, all, false, ["IN_APP:user:u1:-:vi", "EMAIL:user:u1:an@example.vn:vi", "SMS:user:u1:0987654321:vi"]],
    ["in English", { owner: { ...owner, locale: "en" }, declared }, all, false, ["IN_APP:user:u1:-:en", "EMAIL:user:u1:an@example.vn:en", "SMS:user:u1:0912345678:en"]],
    ["a walk-in without an account: the counter's e-mail and phone", { owner: null, declared: { email: " Desk-Given@Example.vn ", phone: "0987 654 321" } }, all, false, ["EMAIL:email:desk-given@example.vn:desk-given@example.vn:vi", "SMS:phone:0987654321:0987654321:vi"]],
    ["a walk-in who gave only a phone", { owner: null, declared: { email: null, phone: "0987654321" } }, all, false, ["SMS:phone:0987654321:0987654321:vi"]],
    ["a walk-in who gave nothing", { owner: null, declared: { email: null, phone: null } }, all, false, []],
    ["a deactivated account: like a walk-in", { owner: { ...owner, active: false }, declared }, all, false, ["EMAIL:email:desk-given@example.vn:desk-given@example.vn:vi", "SMS:phone:0987654321:0987654321:vi"]],
    ["no SMS gateway configured", { owner, declared }, { email: true, sms: false }, false, ["IN_APP:user:u1:-:vi", "EMAIL:user:u1:an@example.vn:vi"]],
    ["a training dossier: the app only", { owner, declared }, all, true, ["IN_APP:user:u1:-:vi"]],
  ])("%s", (_name, contact, available, isTest, expected) => {
    expect(summary(contact, available, isTest)).toEqual(expected);
  });

  it("officers: in the app and by e-mail", () => {
    expect(officerRecipients({ id: "o1", email: "cb@motcua.test", locale: "vi" }, all).map((r) => `${r.channel}:${r.address}`)).toEqual(["IN_APP:null", "EMAIL:cb@motcua.test"]);
    expect(officerRecipients({ id: "o1", email: null, locale: "en" }, all).map((r) => r.channel)).toEqual(["IN_APP"]);
  });
});
