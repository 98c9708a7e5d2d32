"use server";

import { api } from "~/server/api/caller";
import { AppError } from "~/server/errors";

export interface ProfileValues {
  name: string;
  phone: string;
  idNumber: string;
  dateOfBirth: string;
  address: string;
  applicantType: "CITIZEN" | "BUSINESS";
  organisationName: string;
  taxCode: string;
}

export interface ProfileState {
  saved?: boolean;
  errors?: Record<string, string>;
  formError?: "failed";
  values?: ProfileValues;
}

function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof AppError ? cause : null;
}

export async function saveProfileAction(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const get = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 1000) : "";
  };
  const values: ProfileValues = {
    name: get("name"),
    phone: get("phone"),
    idNumber: get("idNumber"),
    dateOfBirth: get("dateOfBirth"),
    address: get("address"),
    applicantType: get("applicantType") === "BUSINESS" ? "BUSINESS" : "CITIZEN",
    organisationName: get("organisationName"),
    taxCode: get("taxCode"),
  };
  try {
    const saved = await api.account.updateProfile(values);
    return {
      saved: true,
      values: {
        name: saved.name,
        phone: saved.phone ?? "",
        idNumber: saved.idNumber ?? "",
        dateOfBirth: saved.dateOfBirth ?? "",
        address: saved.address ?? "",
        applicantType: saved.applicantType === "BUSINESS" ? "BUSINESS" : "CITIZEN",
        organisationName: saved.organisationName ?? "",
        taxCode: saved.taxCode ?? "",
      },
    };
  } catch (error) {
    const app = appErrorOf(error);
    const fieldErrors = app?.details?.fieldErrors as Record<string, string> | undefined;
    if (app?.code === "VALIDATION" && fieldErrors) return { values, errors: fieldErrors };
    console.error("[profile] save failed:", error);
    return { values, formError: "failed" };
  }
}
