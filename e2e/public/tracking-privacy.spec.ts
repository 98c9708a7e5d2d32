import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import en from "../../messages/en.json" with { type: "json" };
import vi from "../../messages/vi.json" with { type: "json" };
import { departmentCode } from "../../prisma/seed/agencies";
import type { Db } from "../../server/db";
import { createDossier } from "../../server/modules/dossier/commands/create-dossier";
import { bucketKey, idAttemptsPerCode } from "../../server/modules/tracking/rate-limit";
import { TrackingPage } from "../pages/tracking-page";
import { newCitizen, signInTo } from "../support/citizen";
import { clientAddress, token, uniqueIdNumber, uniquePhone } from "../support/test-data";
import { expect, test } from "../fixtures";

// Codes are sequential and guessable: whoever holds only a code sees the stage, the dates and the
// timeline, never who filed it or what they filed. The applicant's ID number (or the owner's
// session) opens the rest.

interface Personal {
  code: string;
  /** Every personal value the dossier holds, as stored. */
  values: string[];
  /** ASCII markers inside those values: found in any encoding of the page (HTML, JSON, escapes). */
  markers: string[];
  name: string;
  idNumber: string;
}

/**
 * A dossier received at the Hà Nội desk with distinctive personal values and a filed document,
 * made by the domain function the counter intake ends in (the intake UI has its own spec).
 */
async function dossierWithPersonalData(db: Db): Promise<Personal> {
  const mark = () => token(7);
  const m = { name: mark(), address: mark(), email: mark(), org: mark(), delivery: mark(), file: mark(), task: mark() };
  const person = {
    name: `Hoàng Thị Bảo Ngọc ${m.name}`,
    idNumber: uniqueIdNumber(),
    phone: uniquePhone(),
    email: `ngoc.${m.email}@example.vn`,
    address: `Số 77 ngõ ${m.address}, phường Ba Đình, Hà Nội`,
    organisation: `Viện Nghiên cứu ${m.org}`,
    taxCode: `01${String(Date.now()).slice(-8)}`,
    delivery: `Số 9 phố ${m.delivery}, phường Hoàn Kiếm, Hà Nội`,
    fileName: `bien-ban-nghiem-thu-${m.file}.pdf`,
    task: `Nghiên cứu ${m.task} ứng dụng trong nông nghiệp`,
  };
  const agency = await db.agency.findFirstOrThrow({ where: { code: departmentCode("Hà Nội") }, select: { id: true } });
  const version = await db.procedureVersion.findFirstOrThrow({
    where: { status: "PUBLISHED", procedure: { code: "1.004473" } },
    orderBy: { version: "desc" },
    select: { id: true, components: { orderBy: { order: "asc" }, select: { id: true }, take: 1 } },
  });
  const desk = await db.user.findUniqueOrThrow({ where: { email: "tiepnhan.hanoi@motcua.test" }, select: { id: true } });
  const created = await createDossier(db, {
    procedureVersionId: version.id,
    receivingAgencyId: agency.id,
    applicantType: "ORGANISATION",
    applicantName: person.name,
    applicantIdNumber: person.idNumber,
    applicantPhone: person.phone,
    applicantEmail: person.email,
    applicantAddress: person.address,
    organisationName: person.organisation,
    taxCode: person.taxCode,
    channel: 1,
    status: "RECEIVED",
    formData: { taskName: person.task },
    resultDelivery: "BY_POST",
    deliveryAddress: person.delivery,
    idempotencyKey: `e2e-privacy-${randomBytes(8).toString("hex")}`,
    actor: { userId: desk.id },
  });
  // A filed document (its metadata is what a page could leak; the bytes are the files module's).
  await db.attachment.create({
    data: {
      dossierId: created.id,
      documentComponentId: version.components[0]!.id,
      kind: "COMPONENT",
      fileName: person.fileName,
      mimeType: "application/pdf",
      sizeBytes: 1234,
      sha256: randomBytes(32).toString("hex"),
      storageKey: `e2e/${randomBytes(12).toString("hex")}`,
      uploadedById: desk.id,
    },
  });
  return {
    code: created.code,
    name: person.name,
    idNumber: person.idNumber,
    values: [person.name, person.idNumber, person.phone, person.email, person.address, person.organisation, person.taxCode, person.delivery, person.fileName, person.task],
    markers: Object.values(m),
  };
}

/** None of the dossier's personal values, nor their markers, anywhere in `html`. */
function expectNothingPersonal(html: string, dossier: Personal, where: string): void {
  for (const value of [...dossier.values, ...dossier.markers]) {
    expect(html.includes(value), `${where} must not contain "${value}"`).toBe(false);
  }
}

async function asOwnClient(page: Page): Promise<void> {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
}

test.describe("tracking privacy", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "chromium-phone", "the citizen portal's journeys run on the phone profile"));

  test("the code alone shows the progress and nothing personal", async ({ page, db }) => {
    await asOwnClient(page);
    const dossier = await dossierWithPersonalData(db);
    const tracking = new TrackingPage(page);

    // Through the look-up form, as a citizen would (a lower-case code works too).
    await tracking.gotoSearch();
    await tracking.lookUp(dossier.code.toLowerCase());
    await expect(page).toHaveURL(new RegExp(`/track/${dossier.code.replace(/\./g, "\\.")}$`));
    await expect(tracking.heading).toHaveText(vi.track.resultTitle.replace("{code}", dossier.code));
    await expect(page.getByText(vi.status.RECEIVED).first()).toBeVisible();
    await expect(tracking.timeline).toContainText(vi.track.events.INTAKE);
    await expect(tracking.full).toHaveCount(0);
    await expect(page.getByRole("heading", { name: vi.track.showFullTitle })).toBeVisible();

    expectNothingPersonal(await page.content(), dossier, "the rendered page");
    expectNothingPersonal(await tracking.rawHtml(dossier.code), dossier, "the HTML and RSC payload");
    // Nor the title (browser history, shared screens).
    expectNothingPersonal(await page.title(), dossier, "the title");
  });

  test("the applicant's ID number opens the full view; a wrong one is refused and shows nothing more", async ({ page, db }) => {
    await asOwnClient(page);
    const dossier = await dossierWithPersonalData(db);
    const tracking = new TrackingPage(page);
    await tracking.goto(dossier.code);

    // A wrong number (well-formed, someone else's).
    const wrong = dossier.idNumber.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await tracking.showFull(wrong);
    await expect(tracking.idError).toHaveText(vi.track.idMismatch);
    await expect(tracking.full).toHaveCount(0);
    expectNothingPersonal(await page.content(), dossier, "the page after a wrong ID number");
    expectNothingPersonal(await tracking.rawHtml(dossier.code), dossier, "the HTML after a wrong ID number");
    // The number is never put in the address bar.
    expect(page.url()).not.toContain(wrong);
    // The wrong attempt counts against the code (five per 15 minutes by default).
    const attempts = await db.rateLimitBucket.findMany({ where: { key: bucketKey(idAttemptsPerCode(), dossier.code) }, select: { count: true } });
    expect(attempts.reduce((sum, a) => sum + a.count, 0)).toBe(1);

    // The right one: the full view, for this browser only.
    await tracking.showFull(dossier.idNumber);
    await expect(tracking.access).toHaveText(vi.track.accessIdNumber);
    await expect(tracking.full).toBeVisible();
    await expect(tracking.applicant).toContainText(dossier.name);
    expect(page.url()).not.toContain(dossier.idNumber);
    // A right answer is not held against the code.
    const after = await db.rateLimitBucket.findMany({ where: { key: bucketKey(idAttemptsPerCode(), dossier.code) }, select: { count: true } });
    expect(after.reduce((sum, a) => sum + a.count, 0)).toBe(1);

    // Another browser with the code alone still sees nothing personal.
    const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
    const otherPage = await other.newPage();
    await new TrackingPage(otherPage).goto(dossier.code);
    expectNothingPersonal(await otherPage.content(), dossier, "another browser's page");
    await other.close();

    // Hiding the details ends the full view here too.
    await page.getByTestId("track-hide-full").click();
    await expect(tracking.full).toHaveCount(0);
    // The navigation has landed (the ID form is back) before the page is read: mid-transition the
    // departing full view can still be in the document.
    await expect(page.getByTestId("track-full-submit")).toBeVisible();
    await page.waitForLoadState("load");
    expectNothingPersonal(await page.content(), dossier, "the page after hiding the details");
  });

  test("the look-up form with code and ID number goes straight to the full view; a wrong pair says so", async ({ page, db }) => {
    await asOwnClient(page);
    const dossier = await dossierWithPersonalData(db);
    const tracking = new TrackingPage(page);

    await tracking.gotoSearch();
    await tracking.lookUp(dossier.code, "001090004521");
    await expect(tracking.error).toHaveText(vi.track.idMismatch);
    expect(page.url()).not.toContain("001090004521");
    expectNothingPersonal(await page.content(), dossier, "the search page after a wrong ID number");

    await tracking.lookUp(dossier.code, dossier.idNumber);
    await expect(page).toHaveURL(new RegExp(`/track/${dossier.code.replace(/\./g, "\\.")}$`));
    await expect(tracking.applicant).toContainText(dossier.name);

    // An unknown code: a message, not an error page.
    await tracking.gotoSearch();
    const unknown = dossier.code.replace(/\d{4}$/, "9999");
    await tracking.lookUp(unknown);
    await expect(tracking.error).toHaveText(vi.track.notFound.replace("{code}", unknown));
  });

  // A signed-out visitor's /track/<code> is a plain-HTML page (app/_plain-html, next.config.js
  // rewrites): the same components as the React page, without any script.
  test("the public view goes out as plain HTML: no script, the site's frame and look, forms without JavaScript", async ({ page, db }) => {
    await asOwnClient(page);
    const dossier = await dossierWithPersonalData(db);
    const tracking = new TrackingPage(page);

    const html = await tracking.rawHtml(dossier.code);
    expect(html).not.toContain("<script");

    // The frame is the React pages' own: the same header and footer markup as a signed-out React page
    // (the catalogue list), and the same stylesheet, inline.
    const reactHtml = await (await page.request.get("/procedures")).text();
    const part = (source: string, tag: string) => new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`).exec(source)?.[0].replaceAll("<!-- -->", "");
    expect(part(html, "header")).toBe(part(reactHtml, "header"));
    expect(part(html, "footer")).toBe(part(reactHtml, "footer"));
    const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/css\/[^"]+\.css)"/.exec(reactHtml)?.[1];
    expect(stylesheet, "the React page links the site stylesheet").toBeTruthy();
    const css = await (await page.request.get(stylesheet!)).text();
    expect(html).toContain(`<style>${css}`);

    await tracking.goto(dossier.code);
    // Styled: the header's brand colour comes from the stylesheet (unstyled it would be transparent).
    await expect(page.locator("header").first()).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(tracking.timeline).toContainText(vi.track.events.INTAKE);

    // The language switch (a form post) works here too, and the page stays plain.
    await page.getByRole("button", { name: en.common.languageEn }).click();
    await expect(tracking.heading).toHaveText(en.track.resultTitle.replace("{code}", dossier.code));
    await expect(page.getByRole("heading", { name: en.track.showFullTitle })).toBeVisible();
    expect(await tracking.rawHtml(dossier.code)).not.toContain("<script");

    // The ID-number form posts without JavaScript and opens the full view (the React page, with the grant).
    await tracking.showFull(dossier.idNumber);
    await expect(tracking.access).toHaveText(en.track.accessIdNumber);
    await expect(tracking.applicant).toContainText(dossier.name);
  });

  test("past the per-client limit the plain page says so, in the visitor's language, with 429 and Retry-After", async ({ page, db }) => {
    const dossier = await dossierWithPersonalData(db);
    const headers = { "x-forwarded-for": clientAddress(), cookie: "locale=en" };
    let last = await page.request.get(`/track/${encodeURIComponent(dossier.code)}`, { headers });
    for (let i = 0; i < 40 && last.status() === 200; i++) last = await page.request.get(`/track/${encodeURIComponent(dossier.code)}`, { headers });
    expect(last.status()).toBe(429);
    expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
    const body = await last.text();
    expect(body).toContain(en.track.rateLimited.split("{seconds}")[0]!);
    expect(body).not.toContain("<script");
    expectNothingPersonal(body, dossier, "the rate-limited page");
    // An unknown code: 404 with the message, not an error page.
    const unknown = await page.request.get(`/track/${encodeURIComponent(dossier.code.replace(/\d{4}$/, "9999"))}`, { headers: { "x-forwarded-for": clientAddress() } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain(vi.track.notFound.split("{code}")[0]!);
  });

  test("the home and procedure pages are plain HTML for signed-out visitors, React pages once signed in; the home look-up works without JavaScript", async ({ page, db }) => {
    await asOwnClient(page);
    const dossier = await dossierWithPersonalData(db);
    for (const path of ["/", "/procedures/1.004473"]) {
      const html = await (await page.request.get(path)).text();
      expect(html, `${path} signed out`).not.toContain("<script");
      expect(html, `${path} signed out`).toContain('<main id="main"');
    }
    // A missing procedure: the not-found page, with 404.
    const missing = await page.request.get("/procedures/0.000000");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain(vi.errors.notFoundTitle);

    // The home page's look-up (code and ID number, posted, never in the URL) opens the full view.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.home.heroTitle);
    await page.locator("#track-code").fill(dossier.code);
    await page.locator("#track-id").fill(dossier.idNumber);
    await page.getByRole("button", { name: vi.home.trackButton }).click();
    await expect(page).toHaveURL(new RegExp(`/track/${dossier.code.replace(/\./g, "\\.")}$`));
    await expect(tracking(page).applicant).toContainText(dossier.name);
    expect(page.url()).not.toContain(dossier.idNumber);

    // Signed in, the same addresses are the React pages (the header names the person).
    const citizen = await newCitizen(db);
    await signInTo(page, "/me", citizen);
    for (const path of ["/", "/procedures/1.004473"]) {
      const html = await (await page.request.get(path)).text();
      expect(html, `${path} signed in`).toContain("<script");
      expect(html, `${path} signed in`).toContain(citizen.name);
    }
  });
});

function tracking(page: Page): TrackingPage {
  return new TrackingPage(page);
}
