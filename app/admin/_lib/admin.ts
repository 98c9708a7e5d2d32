import "server-only";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { api } from "~/server/api/caller";
import type { RouterOutputs } from "~/server/api/root";

export type AdminScope = RouterOutputs["admin"]["scope"];

/**
 * The administrator's scope, read once per request, or null for a signed-in user who administers
 * nothing (the layout shows 403). A session that outlived its account signs in again.
 */
export const getAdminScope = cache(async (callbackUrl = "/admin"): Promise<AdminScope | null> => {
  try {
    return await api.admin.scope();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  }
});

/** Runs a read for a page: NOT_FOUND and FORBIDDEN become null (the page says so), the rest throws. */
export async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
}

export function pick<L extends "vi" | "en">(locale: L, vi: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : vi;
}
