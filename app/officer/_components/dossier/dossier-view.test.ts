import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PendingEvent } from "../../../_offline/optimistic";
import { getT } from "~/server/i18n/messages";
import type { TDossierDetail } from "~/server/modules/dossier/schema";
import { DossierView, type DossierViewProps } from "./dossier-view";

const at = (iso: string) => new Date(iso);
const agency = { id: "a1", code: "000.00.01.H26", nameVi: "Sở KH&CN Hà Nội", nameEn: "Hanoi DOST" };
const detail: TDossierDetail = {
  id: "d1",
  code: "000.00.01.H26-260301-0001",
  status: "PROCESSING",
  channel: 1,
  version: 3,
  isTest: false,
  procedure: {
    id: "p1",
    code: "1.004473",
    versionId: "pv1",
    version: 1,
    nameVi: "Cấp giấy chứng nhận",
    nameEn: "Certificate",
    limitValue: 10,
    limitUnit: "WORKING_DAY",
    resultNameVi: null,
    resultNameEn: null,
    formSchema: { version: 1, fields: [] },
    steps: [
      { id: "s1", order: 1, kind: "RECEPTION", nameVi: "Tiếp nhận", nameEn: "Reception", role: "RECEPTION_OFFICER", allowanceValue: 1, allowanceUnit: "WORKING_DAY" },
      { id: "s2", order: 2, kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", role: "SPECIALIST", allowanceValue: 5, allowanceUnit: "WORKING_DAY" },
    ],
    components: [{ id: "c1", order: 1, nameVi: "Đơn đề nghị", nameEn: "Application", required: true, copiesVi: "01 bản chính", copiesEn: null }],
  },
  receivingAgency: agency,
  handlingAgency: agency,
  applicant: { type: "CITIZEN", name: "Trần Văn B", idNumber: "001190004321", dateOfBirth: null, phone: null, email: null, address: null, organisationName: null, taxCode: null },
  formData: { intakeChecklist: ["c1"] },
  currentStep: { order: 2, kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", role: "SPECIALIST" },
  assignee: { id: "u2", name: "Ngô Văn Nam" },
  submittedAt: at("2026-03-01T02:00:00Z"),
  receivedAt: at("2026-03-01T02:00:00Z"),
  dueAt: at("2026-03-13T10:00:00Z"),
  originalDueAt: at("2026-03-13T10:00:00Z"),
  extendedDueAt: null,
  stepDueAt: at("2026-03-09T10:00:00Z"),
  pausedAt: null,
  finishedAt: null,
  returnedAt: null,
  resultDelivery: "AT_DESK",
  deliveryAddress: null,
  postalWaybill: null,
  resultNumber: null,
  resultIssuedAt: null,
  feeAmount: 500000n,
  feePaidAt: null,
  overdue: false,
  dueSoon: false,
  attachments: [
    { id: "f1", kind: "COMPONENT", fileName: "don.pdf", mimeType: "application/pdf", sizeBytes: 2048, documentComponentId: "c1", createdAt: at("2026-03-01T02:00:00Z") },
    { id: "f2", kind: "SCAN", fileName: "scan.pdf", mimeType: "application/pdf", sizeBytes: 4096, documentComponentId: null, createdAt: at("2026-03-01T02:00:00Z") },
  ],
  events: [
    { id: "e1", action: "INTAKE", actorId: "u1", actorName: "Đặng Thị Mai", actorRole: "RECEPTION_OFFICER", fromStatus: null, toStatus: "RECEIVED", fromStepOrder: null, toStepOrder: 2, note: null, payload: {}, serverAt: at("2026-03-01T02:00:00Z"), deviceAt: null, resultingVersion: 1 },
    { id: "e2", action: "ASSIGN", actorId: "u3", actorName: "Nguyễn Văn Hải", actorRole: "LEADER", fromStatus: "RECEIVED", toStatus: "PROCESSING", fromStepOrder: 2, toStepOrder: 2, note: null, payload: { assigneeId: "u2" }, serverAt: at("2026-03-02T02:00:00Z"), deviceAt: null, resultingVersion: 2 },
  ],
  steps: [
    { id: "i1", order: 1, kind: "RECEPTION", nameVi: "Tiếp nhận", nameEn: "Reception", holderId: "u1", holderName: "Đặng Thị Mai", startedAt: at("2026-03-01T02:00:00Z"), dueAt: at("2026-03-02T10:00:00Z"), finishedAt: at("2026-03-01T02:00:00Z"), outcome: "INTAKE", onTime: true },
    { id: "i2", order: 2, kind: "APPRAISAL", nameVi: "Thẩm định", nameEn: "Appraisal", holderId: "u2", holderName: "Ngô Văn Nam", startedAt: at("2026-03-02T02:00:00Z"), dueAt: at("2026-03-09T10:00:00Z"), finishedAt: null, outcome: null, onTime: null },
  ],
  clockEvents: [],
  availableActions: [{ action: "COMMENT", toStatus: "PROCESSING", toStepOrder: 2, toStepKind: "APPRAISAL", toStepRole: "SPECIALIST", form: null, requiresNote: true }],
  canAct: true,
};

const t = getT("vi");
const render = (props: Partial<DossierViewProps> = {}) =>
  renderToStaticMarkup(createElement(DossierView, { dossier: detail, t, locale: "vi", now: at("2026-03-05T00:00:00Z"), fileLink: (a) => ({ href: `/api/files/${a.id}` }), ...props }));
const sections = (html: string) => [...html.matchAll(/<section aria-labelledby="([a-z-]+)-title"/g)].map((m) => m[1]);

describe("DossierView", () => {
  it("shows every section of the server's DTO, the action buttons and the forms the server can print", () => {
    const html = render({ forms: ["01", "06"] });
    expect(sections(html)).toEqual(["applicant", "form-data", "documents", "actions", "deadlines", "forms", "control-sheet", "timeline"]);
    expect(html).toContain('data-testid="dossier-code">000.00.01.H26-260301-0001</h1>');
    expect(html).toContain('data-status="PROCESSING"');
    expect(html).toContain('data-action="COMMENT"');
    expect(html).toContain('href="/api/files/f1"');
    expect(html).toContain('data-form="06"');
    expect(html).toContain("500.000 ₫");
    // The assignee named from the step holders, the open step not yet late on this clock.
    expect(html).toContain(t("officer.timeline.assignee", { name: "Ngô Văn Nam" }));
    expect(html).toContain(t("officer.control.open"));
    expect(render({ now: at("2026-03-10T00:00:00Z") })).toContain(t("officer.control.openLate"));
  });

  it("from the device: the same screen, files on the device or online only, pending actions first, no server forms", () => {
    const pending: PendingEvent[] = [{ seq: 4, action: "COMMENT", deviceAt: at("2026-03-05T01:00:00Z"), state: "waiting", refusedLocally: false, note: "ghi chú" }];
    const html = render({
      fileLink: (a) => (a.id === "f1" ? { href: "blob:f1", download: a.fileName } : null),
      pending,
      dossier: { ...detail, assignee: { id: "u9", name: "" } },
      badgesNote: createElement("span", { id: "copy-of" }, "copy"),
    });
    expect(sections(html)).toEqual(["applicant", "form-data", "documents", "actions", "deadlines", "control-sheet", "timeline"]);
    expect(html).toContain('href="blob:f1" target="_blank" rel="noopener" download="don.pdf" data-cached="true"');
    expect(html).toContain(`scan.pdf</span>`);
    expect(html).toContain(t("officer.offline.fileOnlineOnly"));
    expect(html).toContain('id="copy-of"');
    // An assignee the device cannot name yet.
    expect(html).toContain("<dd class=\"break-words\">…</dd>");
    const timeline = html.slice(html.indexOf('data-testid="timeline"'));
    expect(timeline.indexOf('data-testid="pending-event"')).toBeLessThan(timeline.indexOf(t("officer.events.ASSIGN")));
  });
});
