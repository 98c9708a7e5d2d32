import { describe, expect, it } from "vitest";
import { useTestDb } from "../../test/db";
import { createAgency, createProcedure, uniqueToken } from "../../test/factories";
import { getProcedureByCode, queryTokens, searchProcedures } from "./queries";
import { parseFeeRule } from "./schema";

const db = useTestDb();

/** A published procedure whose current version is named `nameVi` (plus a unique token so searches isolate it). */
async function procedureNamed(nameVi: string, options: { level?: "MINISTRY" | "PROVINCE"; agencyName?: string } = {}) {
  const token = uniqueToken();
  const agency = await createAgency(db, options.agencyName ? { nameVi: `${options.agencyName} ${token}` } : {});
  const made = await createProcedure(db, { agencyIds: [agency.id], level: options.level ?? "PROVINCE" });
  await db.procedureVersion.update({
    where: { id: made.version.id },
    data: { nameVi: `${nameVi} ${token}`, nameEn: `Procedure ${token}`, fee: { kind: "percent", rate: 0.001, min: 3_000_000, max: 5_000_000 } },
  });
  return { ...made, agency, token };
}

describe("queryTokens", () => {
  it("folds case and Vietnamese diacritics, including đ", () => {
    expect(queryTokens("  Đăng KÝ  kết quả ")).toEqual(["dang", "ky", "ket", "qua"]);
    expect(queryTokens("")).toEqual([]);
  });
});

describe("searchProcedures", () => {
  it('"dang ky" finds "Đăng ký…" and so does the accented query; unrelated words do not', async () => {
    const { procedure, token } = await procedureNamed("Đăng ký kết quả thực hiện nhiệm vụ khoa học");
    for (const q of [`dang ky ${token}`, `ĐĂNG KÝ ${token.toLowerCase()}`, `${token} ket qua`]) {
      const result = await searchProcedures(db, { q, locale: "vi" });
      expect(result.items.map((i) => i.code), q).toEqual([procedure.code]);
      expect(result.total).toBe(1);
    }
    const none = await searchProcedures(db, { q: `cap phep ${token}`, locale: "vi" });
    expect(none.items).toEqual([]);
  });

  it("matches the code, the sector and the accepting agency's name", async () => {
    const { procedure, sector, token } = await procedureNamed("Thủ tục tra cứu", { agencyName: "Sở Khoa học và Công nghệ Đắk Lắk" });
    expect((await searchProcedures(db, { q: procedure.code, locale: "vi" })).items.map((i) => i.code)).toEqual([procedure.code]);
    expect((await searchProcedures(db, { q: sector.nameVi, locale: "vi" })).items.map((i) => i.code)).toEqual([procedure.code]);
    const byAgency = await searchProcedures(db, { q: `dak lak ${token}`, locale: "vi" });
    expect(byAgency.items.map((i) => i.code)).toEqual([procedure.code]);
  });

  it("filters by level, sector and agency, and localises names", async () => {
    const a = await procedureNamed("Thủ tục lọc", { level: "MINISTRY" });
    const q = a.token;
    expect((await searchProcedures(db, { q, level: "MINISTRY", locale: "vi" })).total).toBe(1);
    expect((await searchProcedures(db, { q, level: "PROVINCE", locale: "vi" })).total).toBe(0);
    expect((await searchProcedures(db, { q, sectorId: a.sector.id, locale: "vi" })).total).toBe(1);
    const other = await createAgency(db);
    expect((await searchProcedures(db, { q, agencyId: other.id, locale: "vi" })).total).toBe(0);
    const inEnglish = await searchProcedures(db, { q, agencyId: a.agency.id, locale: "en" });
    expect(inEnglish.items[0]).toMatchObject({ name: `Procedure ${a.token}`, level: "MINISTRY", agencyCount: 1, fee: { kind: "percent", rate: 0.001 } });
  });

  it("shows only the current published version: not drafts, not expired, not future", async () => {
    const { procedure, version, token } = await procedureNamed("Thủ tục theo phiên bản");
    const now = new Date();
    await db.procedureVersion.update({ where: { id: version.id }, data: { validTo: new Date(now.getTime() - 1000) } });
    expect((await searchProcedures(db, { q: token, locale: "vi" })).total).toBe(0);
    await db.procedureVersion.create({
      data: {
        procedureId: procedure.id,
        version: 2,
        status: "PUBLISHED",
        nameVi: `Phiên bản hai ${token}`,
        nameEn: `Version two ${token}`,
        authorityVi: "Sở",
        authorityEn: "Department",
        limitValue: 7,
        fee: { kind: "none" },
        legalBasisVi: "Căn cứ",
        channels: [1, 2],
        formSchema: { fields: [] },
        validFrom: new Date(now.getTime() - 500),
      },
    });
    await db.procedureVersion.create({
      data: {
        procedureId: procedure.id,
        version: 3,
        status: "DRAFT",
        nameVi: `Bản nháp ${token}`,
        nameEn: `Draft ${token}`,
        authorityVi: "Sở",
        authorityEn: "Department",
        limitValue: 9,
        fee: { kind: "none" },
        legalBasisVi: "Căn cứ",
        channels: [1],
        formSchema: { fields: [] },
        validFrom: new Date(now.getTime() - 100),
      },
    });
    const found = await searchProcedures(db, { q: token, locale: "vi" });
    expect(found.items.map((i) => [i.name, i.limitValue])).toEqual([[`Phiên bản hai ${token}`, 7]]);
    expect((await searchProcedures(db, { q: `ban nhap ${token}`, locale: "vi" })).total).toBe(0);
    const detail = await getProcedureByCode(db, { code: procedure.code, locale: "vi" });
    expect(detail).toMatchObject({ version: 2, limitValue: 7, channels: [1, 2] });
  });

  it("pages with a keyset cursor without repeating or skipping", async () => {
    const shared = `Trang ${uniqueToken()}`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await procedureNamed(shared)).procedure.code);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await searchProcedures(db, { q: shared, locale: "vi", limit: 2, cursor });
      expect(result.total).toBe(5);
      seen.push(...result.items.map((i) => i.code));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...codes].sort());
  });

  it("treats LIKE wildcards in the query as text", async () => {
    const { token } = await procedureNamed("Thủ tục ký tự");
    expect((await searchProcedures(db, { q: `${token} %`, locale: "vi" })).total).toBe(0);
    expect((await searchProcedures(db, { q: `${token} _`, locale: "vi" })).total).toBe(0);
  });
});

describe("getProcedureByCode", () => {
  it("returns components, steps, agencies and the fee rule; null for an unknown or inactive code", async () => {
    const { procedure, agency } = await procedureNamed("Thủ tục chi tiết");
    const detail = await getProcedureByCode(db, { code: procedure.code, locale: "vi" });
    expect(detail?.agencies.map((a) => a.id)).toEqual([agency.id]);
    expect(detail?.steps).toHaveLength(5);
    expect(detail?.fee).toEqual({ kind: "percent", rate: 0.001, min: 3_000_000, max: 5_000_000 });
    expect(await getProcedureByCode(db, { code: "0.000000-none", locale: "vi" })).toBeNull();
    await db.procedure.update({ where: { id: procedure.id }, data: { active: false } });
    expect(await getProcedureByCode(db, { code: procedure.code, locale: "vi" })).toBeNull();
  });

  it("reads an unknown fee rule as a published schedule", () => {
    expect(parseFeeRule({ kind: "weird" })).toEqual({ kind: "schedule" });
    expect(parseFeeRule({ kind: "fixed", amount: 500000 })).toEqual({ kind: "fixed", amount: 500000 });
  });
});
