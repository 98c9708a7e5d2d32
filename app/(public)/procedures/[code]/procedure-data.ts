import "server-only";
import { cache } from "react";
import { api } from "~/server/api/caller";

/** One load per request for the metadata and the page. NOT_FOUND becomes null. */
export const loadProcedure = cache(async (code: string) => {
  try {
    return await api.catalogue.byCode({ code });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
});
