import type { Page } from "@playwright/test";
import vi from "../../messages/vi.json" with { type: "json" };
import { demoAccounts } from "../../prisma/seed/accounts";
import { token } from "../support/test-data";
import { expect, test } from "../fixtures";

// The administration's editors, driven through their own controls: the procedure editor (identity,
// general rules, fee, channels, steps, document components, the e-form builder and its preview,
// publishing version 1 then 2), the holiday calendar (add, refused add, remove, CSV import after a
// preview) and the list pages' search forms. The database is checked after each save.

const A = vi.admin;
const P = A.procedures;
const B = A.builder;
const H = A.holidays;

const systemAdmin = demoAccounts.find((a) => a.email === "quantrihethong@motcua.test")!;

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

test.describe("administration", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs(systemAdmin);
  });

  test("the procedure editor creates a procedure and publishes a second version", async ({ page, db }) => {
    // Some sixty edits through the UI, then three saves.
    test.setTimeout(120_000);
    const code = `E2E.${token(6)}`;
    await page.goto("/admin/procedures/new");
    const editor = page.getByTestId("procedure-editor");
    await expect(editor).toBeVisible();
    const publish = page.getByTestId("publish");

    // Identity: code, sector (the first), level, one agency.
    await page.locator("#p-code").fill(code);
    await page.locator("#p-level").selectOption("MINISTRY");
    const agencies = editor.getByRole("group", { name: fill(P.offeredBy, { count: 0 }) });
    await agencies.getByRole("checkbox").first().check();
    await expect(editor.getByRole("group", { name: fill(P.offeredBy, { count: 1 }) })).toBeVisible();

    // General rules.
    await page.locator("#p-nameVi").fill(`Thủ tục thử ${code}`);
    await page.locator("#p-nameEn").fill(`Test procedure ${code}`);
    await page.locator("#p-legalVi").fill("Nghị định 01/2026/NĐ-CP");
    await page.locator("#p-cutoff").fill("15:30");
    await page.locator("#p-online").selectOption("FULL");
    await page.locator("#p-feeNoteVi").fill("Nộp khi nhận kết quả");

    // The five default steps plan 40 hours: a 3-day limit (24 hours) is refused before saving.
    const sum = page.getByTestId("allowance-sum");
    await page.locator("#p-limit").fill("3");
    await expect(sum).toHaveText(fill(P.allowanceSum, { planned: 40, limit: 24, limitText: fill(P.days, { count: 3 }) }));
    await expect(editor.getByRole("alert").filter({ hasText: A.fieldErrors.ALLOWANCE_EXCEEDS_LIMIT })).toBeVisible();
    await expect(publish).toBeDisabled();
    await expect(page.getByText(P.fixFirst)).toBeVisible();
    await page.locator("#p-limit").fill("6");
    await expect(sum).toHaveText(fill(P.allowanceSum, { planned: 40, limit: 48, limitText: fill(P.days, { count: 6 }) }));
    await expect(publish).toBeEnabled();

    // Fee: fixed, then by percentage (shown in %, stored as a fraction).
    const feeKind = editor.getByLabel(P.feeKind);
    await feeKind.selectOption("fixed");
    await expect(editor.getByLabel(P.feeAmount)).toHaveValue("500000");
    await feeKind.selectOption("percent");
    await editor.getByLabel(P.feeRate).fill("0.5");
    await editor.getByLabel(P.feeMin).fill("10000");
    await editor.getByLabel(P.feeMax).fill("2000000");

    // Channels: not by post; received across boundaries.
    await editor.getByRole("checkbox", { name: P.channel3 }).uncheck();
    await editor.getByRole("checkbox", { name: P.acrossBoundary }).check();

    // Steps: add a sixth (an appraisal), rename it, move it up to third place; add a seventh and remove it.
    await editor.getByRole("button", { name: P.addStep }).click();
    await editor.getByLabel(fill(P.stepNameViOf, { number: 6 })).fill("Thẩm định thực địa");
    await editor.getByLabel(fill(P.stepNameEnOf, { number: 6 })).fill("Site appraisal");
    await editor.getByLabel(fill(P.allowanceOf, { number: 6 })).fill("1");
    await editor.getByLabel(fill(P.allowanceUnitOf, { number: 6 })).selectOption("WORKING_DAY");
    for (const n of [6, 5, 4]) await editor.getByRole("button", { name: fill(P.moveStepUp, { number: n }) }).click();
    await expect(editor.getByLabel(fill(P.stepNameViOf, { number: 3 }))).toHaveValue("Thẩm định thực địa");
    await expect(sum).toContainText("48");
    await editor.getByRole("button", { name: P.addStep }).click();
    await expect(publish).toBeDisabled();
    await editor.getByRole("button", { name: fill(P.removeStep, { number: 7 }) }).click();
    await expect(publish).toBeEnabled();
    await expect(editor.getByTestId("steps-table").locator("tbody tr")).toHaveCount(6);

    // Document components: two, the second moved first; the first (then second) loses PNG and has 5 MB.
    await editor.getByRole("button", { name: P.addComponent }).click();
    await editor.getByRole("button", { name: P.addComponent }).click();
    const components = editor.locator("section[aria-labelledby=components-title] ol > li");
    await components.nth(0).getByLabel(P.componentNameVi).fill("Đơn đề nghị");
    await components.nth(0).getByLabel(P.componentNameEn).fill("Application");
    await components.nth(0).getByRole("checkbox", { name: "PNG" }).uncheck();
    await components.nth(0).getByLabel(P.maxSize).fill("5");
    await components.nth(1).getByLabel(P.componentNameVi).fill("Bản thuyết minh");
    await components.nth(1).getByLabel(P.componentNameEn).fill("Description");
    await components.nth(1).getByRole("checkbox", { name: P.componentRequired }).uncheck();
    await components.nth(1).getByLabel(P.templateUrl).fill("/templates/mau-01.docx");
    await editor.getByRole("button", { name: fill(P.moveComponentUp, { number: 2 }) }).click();
    await expect(components.nth(0).getByLabel(P.componentNameVi)).toHaveValue("Bản thuyết minh");

    // The e-form: a required text field with a pattern preset, a select, a number shown for one option, a repeatable group.
    const builder = editor.getByTestId("form-builder");
    const preview = builder.getByTestId("form-preview");
    await expect(preview).toContainText(B.empty);
    const addField = builder.getByRole("button", { name: B.addField }).last();
    await addField.click();
    const f0 = builder.getByTestId("builder-field-f.0");
    await f0.getByLabel(B.labelVi, { exact: true }).fill("Số điện thoại liên hệ");
    await f0.getByLabel(B.labelEn, { exact: true }).fill("Contact phone");
    await f0.getByLabel(B.key, { exact: true }).fill("contactPhone");
    await f0.getByRole("checkbox", { name: B.required }).check();
    await f0.getByLabel(B.presets).selectOption({ label: B.patterns.phone });
    await f0.getByLabel(B.maxLength).fill("12");

    await builder.getByRole("button", { name: B.addField }).last().click();
    const f1 = builder.getByTestId("builder-field-f.1");
    await f1.getByRole("combobox", { name: B.type, exact: true }).selectOption("select");
    await f1.getByLabel(B.labelVi, { exact: true }).fill("Hình thức");
    await f1.getByLabel(B.labelEn, { exact: true }).fill("Form");
    await f1.getByLabel(B.key, { exact: true }).fill("mode");
    await f1.getByLabel(fill(B.optionLabelVi, { number: 1 })).fill("Cá nhân");
    await f1.getByLabel(fill(B.optionLabelEn, { number: 1 })).fill("Individual");
    await f1.getByRole("button", { name: B.addOption }).click();
    await f1.getByLabel(fill(B.optionLabelVi, { number: 2 })).fill("Tổ chức");
    await f1.getByLabel(fill(B.optionLabelEn, { number: 2 })).fill("Organisation");

    await builder.getByRole("button", { name: B.addField }).last().click();
    const f2 = builder.getByTestId("builder-field-f.2");
    await f2.getByRole("combobox", { name: B.type, exact: true }).selectOption("number");
    await f2.getByLabel(B.labelVi, { exact: true }).fill("Số thành viên");
    await f2.getByLabel(B.labelEn, { exact: true }).fill("Members");
    await f2.getByLabel(B.key, { exact: true }).fill("members");
    await f2.getByLabel(B.min, { exact: true }).fill("2");
    await f2.getByLabel(B.max, { exact: true }).fill("50");
    await f2.getByRole("button", { name: B.more }).click();
    await f2.getByLabel(B.helpVi).fill("Tính cả người đứng đầu");
    await f2.getByLabel(B.visibleWhen).selectOption("mode");
    await f2.getByLabel(B.equals).selectOption("o2");
    await f2.getByRole("button", { name: B.less }).click();
    await expect(f2.getByLabel(B.helpVi)).toHaveCount(0);

    await builder.getByRole("button", { name: B.addField }).last().click();
    const f3 = builder.getByTestId("builder-field-f.3");
    await f3.getByRole("combobox", { name: B.type, exact: true }).first().selectOption("group");
    await f3.getByLabel(B.labelVi, { exact: true }).first().fill("Thành viên");
    await f3.getByLabel(B.labelEn, { exact: true }).first().fill("Member list");
    await f3.getByLabel(B.key, { exact: true }).first().fill("people");
    await f3.getByRole("checkbox", { name: B.repeatable }).check();
    await f3.getByLabel(B.minItems).fill("1");
    await f3.getByLabel(B.maxItems).fill("5");
    await f3.getByTestId("builder-field-f.3.fields.0").getByLabel(B.key, { exact: true }).fill("fullName");

    // Move the phone field below the select and back; remove nothing.
    await f0.getByRole("button", { name: fill(B.moveDown, { label: "Số điện thoại liên hệ" }) }).click();
    await expect(builder.getByTestId("builder-field-f.1").getByLabel(B.key, { exact: true })).toHaveValue("contactPhone");
    await builder.getByTestId("builder-field-f.1").getByRole("button", { name: fill(B.moveUp, { label: "Số điện thoại liên hệ" }) }).click();
    await expect(builder.getByTestId("builder-field-f.0").getByLabel(B.key, { exact: true })).toHaveValue("contactPhone");

    // The preview: the number field appears only for "Tổ chức"; the check runs the portal's validator.
    await expect(preview.getByLabel("Số thành viên", { exact: false })).toHaveCount(0);
    await preview.getByLabel("Hình thức", { exact: false }).selectOption("o2");
    await expect(preview.getByLabel("Số thành viên", { exact: false })).toBeVisible();
    await preview.getByRole("button", { name: B.check }).click();
    await expect(preview.getByRole("status")).toHaveText(/\d+/);

    // The JSON view shows the same schema; applying it unchanged keeps it.
    await builder.getByRole("button", { name: B.json }).click();
    const json = JSON.parse(await builder.getByLabel(B.jsonLabel).inputValue()) as { fields: { key: string }[] };
    expect(json.fields.map((f) => f.key)).toEqual(["contactPhone", "mode", "members", "people"]);
    await builder.getByRole("button", { name: B.applyJson }).click();
    await expect(builder.getByTestId("builder-field-f.3")).toBeVisible();

    await expect(publish).toHaveText(P.createButton);
    await publish.click();
    await expect(page).toHaveURL(/\/admin\/procedures\/[^/?]+\?saved=created$/);
    await expect(page.getByText(P.createdNotice)).toBeVisible();

    const created = await db.procedure.findUniqueOrThrow({
      where: { code },
      select: {
        id: true,
        level: true,
        agencies: { select: { agencyId: true } },
        versions: { select: { version: true, nameVi: true, limitValue: true, limitUnit: true, sameDayCutoff: true, fee: true, feeNoteVi: true, feeNoteEn: true, onlineLevel: true, channels: true, acrossBoundary: true, formSchema: true, steps: { orderBy: { order: "asc" } }, components: { orderBy: { order: "asc" } } } },
      },
    });
    expect(created.level).toBe("MINISTRY");
    expect(created.agencies).toHaveLength(1);
    expect(created.versions).toHaveLength(1);
    const v1 = created.versions[0]!;
    expect(v1).toMatchObject({
      version: 1,
      nameVi: `Thủ tục thử ${code}`,
      limitValue: 6,
      limitUnit: "WORKING_DAY",
      sameDayCutoff: "15:30",
      fee: { kind: "percent", rate: 0.005, min: 10000, max: 2000000 },
      feeNoteVi: "Nộp khi nhận kết quả",
      feeNoteEn: null,
      onlineLevel: "FULL",
      channels: [1, 2],
      acrossBoundary: true,
    });
    expect(v1.steps.map((s) => [s.kind, s.nameVi, s.role, s.allowanceValue, s.allowanceUnit])).toEqual([
      ["RECEPTION", "Tiếp nhận hồ sơ", "RECEPTION_OFFICER", 4, "WORKING_HOUR"],
      ["APPRAISAL", "Thẩm định hồ sơ", "SPECIALIST", 24, "WORKING_HOUR"],
      ["APPRAISAL", "Thẩm định thực địa", "SPECIALIST", 1, "WORKING_DAY"],
      ["APPROVAL", "Phê duyệt", "LEADER", 8, "WORKING_HOUR"],
      ["ISSUANCE", "Phát hành kết quả", "RECORDS_CLERK", 2, "WORKING_HOUR"],
      ["RETURN", "Trả kết quả", "RECEPTION_OFFICER", 2, "WORKING_HOUR"],
    ]);
    expect(v1.components.map((c) => ({ nameVi: c.nameVi, nameEn: c.nameEn, required: c.required, templateUrl: c.templateUrl, acceptedTypes: c.acceptedTypes, maxSizeBytes: c.maxSizeBytes }))).toEqual([
      { nameVi: "Bản thuyết minh", nameEn: "Description", required: false, templateUrl: "/templates/mau-01.docx", acceptedTypes: ["application/pdf", "image/jpeg", "image/png"], maxSizeBytes: 10 * 1024 * 1024 },
      { nameVi: "Đơn đề nghị", nameEn: "Application", required: true, templateUrl: null, acceptedTypes: ["application/pdf", "image/jpeg"], maxSizeBytes: 5 * 1024 * 1024 },
    ]);
    expect(v1.formSchema).toMatchObject({
      version: 1,
      fields: [
        { key: "contactPhone", type: "text", labelVi: "Số điện thoại liên hệ", labelEn: "Contact phone", required: true, maxLength: 12 },
        { key: "mode", type: "select", options: [{ value: "a", labelVi: "Cá nhân", labelEn: "Individual" }, { value: "o2", labelVi: "Tổ chức", labelEn: "Organisation" }] },
        { key: "members", type: "number", min: 2, max: 50, helpVi: "Tính cả người đứng đầu", visibleWhen: { field: "mode", equals: "o2" } },
        { key: "people", type: "group", repeatable: true, minItems: 1, maxItems: 5, fields: [{ key: "fullName", type: "text" }] },
      ],
    });
    expect((v1.formSchema as { fields: { pattern?: string }[] }).fields[0]!.pattern).toBeTruthy();

    // A second procedure with the same code is refused at the code field.
    await page.goto("/admin/procedures/new");
    await page.locator("#p-code").fill(code);
    await page.locator("#p-nameVi").fill("Trùng mã");
    await page.locator("#p-nameEn").fill("Same code");
    await page.locator("#p-legalVi").fill("Nghị định 01/2026/NĐ-CP");
    await page.getByTestId("publish").click();
    await expect(page.locator("#p-code-error")).toHaveText(A.fieldErrors.CODE_TAKEN);
    await expect(page.getByTestId("publish")).toBeEnabled();

    // Version 2: the editor starts from version 1; a new name is published.
    await page.goto(`/admin/procedures/${created.id}/new-version`);
    await expect(page.locator("#p-nameVi")).toHaveValue(`Thủ tục thử ${code}`);
    await expect(page.getByTestId("builder-field-f.3")).toBeVisible();
    await page.locator("#p-nameVi").fill(`Thủ tục thử ${code} (sửa đổi)`);
    await expect(page.getByTestId("publish")).toHaveText(fill(P.publishVersion, { version: 2 }));
    await page.getByTestId("publish").click();
    await expect(page).toHaveURL(new RegExp(`/admin/procedures/${created.id}\\?saved=2$`));
    const v2 = await db.procedureVersion.findUniqueOrThrow({
      where: { procedureId_version: { procedureId: created.id, version: 2 } },
      select: { nameVi: true, fee: true, channels: true, formSchema: true, steps: { select: { nameVi: true }, orderBy: { order: "asc" } }, components: { select: { nameVi: true }, orderBy: { order: "asc" } } },
    });
    expect(v2.nameVi).toBe(`Thủ tục thử ${code} (sửa đổi)`);
    expect(v2.fee).toEqual(v1.fee);
    expect(v2.channels).toEqual([1, 2]);
    expect(v2.formSchema).toEqual(v1.formSchema);
    expect(v2.steps.map((s) => s.nameVi)).toEqual(v1.steps.map((s) => s.nameVi));
    expect(v2.components.map((c) => c.nameVi)).toEqual(["Bản thuyết minh", "Đơn đề nghị"]);
  });

  test("the holiday calendar adds, refuses, removes and imports days", async ({ page, db }) => {
    const year = 2087;
    const nationwide = (date: string) => db.holiday.findMany({ where: { agencyId: null, date: new Date(`${date}T00:00:00Z`) }, select: { kind: true, nameVi: true, nameEn: true } });
    await page.goto(`/admin/holidays?year=${year}`);
    await expect(page.getByText(fill(H.none, { year }))).toBeVisible();
    const status = page.locator("[aria-live=polite]");

    // Add a day off: the names are cleared, the date and kind stay.
    await page.locator("#holiday-date").fill(`${year}-03-04`);
    await page.locator("#holiday-name-vi").fill("Ngày thử nghiệm");
    await page.locator("#holiday-name-en").fill("Test day");
    await page.getByRole("button", { name: H.add }).click();
    await expect(status.getByRole("status")).toHaveText(H.added);
    await expect(page.getByTestId("holiday-table")).toContainText("04/03/2087");
    await expect(page.locator("#holiday-name-vi")).toHaveValue("");
    await expect(page.locator("#holiday-date")).toHaveValue(`${year}-03-04`);
    expect(await nationwide(`${year}-03-04`)).toEqual([{ kind: "HOLIDAY", nameVi: "Ngày thử nghiệm", nameEn: "Test day" }]);

    // A swapped working day must fall on a weekend: refused at the date.
    await page.locator("#holiday-date").fill(`${year}-03-05`);
    await page.locator("#holiday-kind").selectOption("WORKING_DAY");
    await page.locator("#holiday-name-vi").fill("Làm bù");
    await page.locator("#holiday-name-en").fill("Swap");
    await page.getByRole("button", { name: H.add }).click();
    await expect(status.getByRole("alert")).toHaveText(A.fieldErrors.NOT_WEEKEND);
    await expect(page.locator("#holiday-date-error")).toHaveText(A.fieldErrors.NOT_WEEKEND);
    await expect(page.locator("#holiday-date")).toHaveAttribute("aria-invalid", "true");
    expect(await nationwide(`${year}-03-05`)).toEqual([]);

    // Names of spaces only pass the browser's check and are refused by the schema.
    await page.locator("#holiday-date").fill(`${year}-03-08`);
    await page.locator("#holiday-name-vi").fill("   ");
    await page.getByRole("button", { name: H.add }).click();
    await expect(page.locator("#holiday-name-vi-error")).toHaveText(fill(A.fieldErrors.invalid, { detail: "too_small" }));
    await expect(status.getByRole("alert")).toHaveText(fill(A.fieldErrors.invalid, { detail: "too_small" }));
    expect(await nationwide(`${year}-03-08`)).toEqual([]);
    await page.locator("#holiday-name-vi").fill("Làm bù thứ Bảy");
    await page.getByRole("button", { name: H.add }).click();
    await expect(status.getByRole("status")).toHaveText(H.added);
    await expect(page.locator("#holiday-name-vi-error")).toHaveCount(0);
    expect(await nationwide(`${year}-03-08`)).toEqual([{ kind: "WORKING_DAY", nameVi: "Làm bù thứ Bảy", nameEn: "Swap" }]);

    // Remove the first day, after confirming.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: fill(H.removeNamed, { date: "04/03/2087" }) }).click();
    await expect(status.getByRole("status")).toHaveText(H.removed);
    await expect(page.getByTestId("holiday-table")).not.toContainText("04/03/2087");
    expect(await nationwide(`${year}-03-04`)).toEqual([]);

    // Import: a file with an error is previewed with its line and imports nothing; the fixed file imports.
    const csvText = page.locator("#csv-text");
    const preview = page.getByTestId("import-preview");
    await csvText.fill(`date,kind,nameVi,nameEn\n${year}-04-12,WORKING_DAY,Làm bù,Working Saturday\n${year}-04-14,WORKING_DAY,Sai,Wrong`);
    await page.getByRole("button", { name: H.preview }).click();
    await expect(preview).toContainText(fill(H.previewErrors, { count: 1 }));
    await expect(preview.getByRole("list", { name: H.errorList })).toContainText(fill(H.line, { line: 3 }));
    await expect(page.getByTestId("confirm-import")).toHaveCount(0);
    await csvText.fill(`date,kind,nameVi,nameEn\n${year}-04-12,WORKING_DAY,Làm bù,Working Saturday\n${year}-05-03,WORKING_DAY,Làm bù 2,Working Saturday 2\n${year}-03-08,WORKING_DAY,Làm bù thứ Bảy,Swap`);
    await expect(preview).toHaveCount(0);
    await page.getByRole("button", { name: H.preview }).click();
    await expect(preview).toContainText(fill(H.previewOk, { count: 2 }));
    await expect(preview.locator("tbody tr")).toHaveCount(3);
    await expect(preview.locator("tbody tr").nth(2)).toContainText(H.effectUnchanged);
    await page.getByTestId("confirm-import").click();
    await expect(status.getByRole("status")).toHaveText(fill(H.imported, { added: 2, unchanged: 1 }));
    await expect(csvText).toHaveValue("");
    await expect(preview).toHaveCount(0);
    expect(await nationwide(`${year}-05-03`)).toEqual([{ kind: "WORKING_DAY", nameVi: "Làm bù 2", nameEn: "Working Saturday 2" }]);
    await expect(page.getByTestId("holiday-table").locator("tbody tr")).toHaveCount(3);
  });

  test("the list pages search and filter through their forms", async ({ page }) => {
    const search = (p: Page, name: string) => p.getByRole("search", { name });

    await page.goto("/admin/agencies");
    await expect(page.getByRole("heading", { level: 1, name: A.agencies.title })).toBeVisible();
    const agencyRows = page.locator("tbody tr[data-testid^=agency-row-]");
    expect(await agencyRows.count()).toBeGreaterThan(2);
    await agencyRows.first().getByRole("link", { name: A.common.edit }).click();
    await expect(page).toHaveURL(/\/admin\/agencies\/[^/]+$/);

    await page.goto("/admin/users");
    const users = search(page, A.users.search);
    await users.getByLabel(A.users.searchLabel).fill("quantrihethong");
    await users.getByLabel(A.users.kind).selectOption("OFFICER");
    await users.getByRole("button", { name: A.users.searchButton }).click();
    await expect(page).toHaveURL(/q=quantrihethong/);
    await expect(page).toHaveURL(/kind=OFFICER/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr")).toContainText(systemAdmin.email);
    await expect(search(page, A.users.search).getByLabel(A.users.searchLabel)).toHaveValue("quantrihethong");
    await users.getByLabel(A.users.searchLabel).fill(`khong-co-ai-${token(6)}`);
    await users.getByRole("button", { name: A.users.searchButton }).click();
    await expect(page.getByRole("status").filter({ hasText: A.users.none })).toBeVisible();

    await page.goto("/admin/procedures");
    const procedures = search(page, P.search);
    await procedures.getByLabel(P.searchLabel).fill("1.004473");
    await procedures.getByRole("button", { name: A.users.searchButton }).click();
    await expect(page).toHaveURL(/q=1\.004473/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr").getByRole("link", { name: "1.004473" })).toBeVisible();
    const sector = procedures.getByLabel(P.sector);
    const sectorIds = await sector.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(sectorIds.length).toBeGreaterThan(0);
    await procedures.getByLabel(P.searchLabel).fill("");
    await sector.selectOption(sectorIds[0]!);
    await procedures.getByRole("button", { name: A.users.searchButton }).click();
    await expect(page).toHaveURL(new RegExp(`sectorId=${sectorIds[0]}`));
    await expect(search(page, P.search).getByLabel(P.sector)).toHaveValue(sectorIds[0]!);
  });
});
