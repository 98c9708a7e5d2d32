import { describe, expect, it } from "vitest";
import { normaliseIdNumber, readSsoIdentity } from "./sso-claims";

describe("normaliseIdNumber", () => {
  it.each([
    ["001090004521", "001090004521"],
    ["0010 9000 4521", "001090004521"],
    ["001.090.004.521", "001090004521"],
    ["123456789", "123456789"], // legacy 9-digit CMND
  ])("%s -> %s", (raw, expected) => {
    expect(normaliseIdNumber(raw)).toBe(expected);
  });

  it.each(["", "00109000452", "0010900045210", "00109000452A", null, undefined, {}])("rejects %s", (raw) => {
    expect(normaliseIdNumber(raw)).toBeNull();
  });
});

describe("readSsoIdentity", () => {
  const claims = {
    sub: "vneid-7f3a",
    citizen_id: "001090004521",
    name: "  Nguyễn   Văn An ",
    birthdate: "1990-05-14",
    phone_number: "+84 912 345 678",
    email: "CongDan1@Motcua.Test",
    email_verified: true,
  };

  it("normalises the standard claims", () => {
    expect(readSsoIdentity(claims)).toEqual({
      subject: "vneid-7f3a",
      idNumber: "001090004521",
      name: "Nguyễn Văn An",
      dateOfBirth: new Date("1990-05-14T00:00:00Z"),
      phone: "0912345678",
      email: "congdan1@motcua.test",
      emailVerified: true,
    });
  });

  it("reads the ID number from the configured claim first, then cccd and id_number", () => {
    const { citizen_id: _, ...rest } = claims;
    expect(readSsoIdentity({ ...rest, so_dinh_danh: "079195006183", cccd: "001088007734" }, { idNumberClaim: "so_dinh_danh" }).idNumber).toBe("079195006183");
    expect(readSsoIdentity({ ...rest, cccd: "001088007734" }).idNumber).toBe("001088007734");
    expect(readSsoIdentity({ ...rest, id_number: "001088007734" }).idNumber).toBe("001088007734");
    expect(readSsoIdentity(rest).idNumber).toBeNull();
    // A malformed configured claim does not hide a good fallback.
    expect(readSsoIdentity({ ...rest, citizen_id: "abc", cccd: "001088007734" }).idNumber).toBe("001088007734");
  });

  it("builds the name from its parts in Vietnamese order when there is no name claim", () => {
    const { name: _, ...rest } = claims;
    expect(readSsoIdentity({ ...rest, family_name: "Nguyễn", middle_name: "Văn", given_name: "An" }).name).toBe("Nguyễn Văn An");
    expect(readSsoIdentity(rest).name).toBeNull();
  });

  it("stores no unusable birthdates, phones or e-mails, and no unverified e-mail as verified", () => {
    const identity = readSsoIdentity({ ...claims, birthdate: "0000-05-14", phone_number: "12345", email: "not-an-email", email_verified: "false" });
    expect(identity).toMatchObject({ dateOfBirth: null, phone: null, email: null, emailVerified: false });
    expect(readSsoIdentity({ ...claims, birthdate: "1990-02-30" }).dateOfBirth).toBeNull();
    expect(readSsoIdentity({ ...claims, birthdate: "1990" }).dateOfBirth).toBeNull();
    expect(readSsoIdentity({ ...claims, email_verified: undefined }).emailVerified).toBe(false);
  });

  it("refuses claims without a subject", () => {
    expect(() => readSsoIdentity({ ...claims, sub: " " })).toThrow(/sub/);
  });
});
