import "server-only";
import { api } from "~/server/api/caller";
import type { HomeSector } from "./home-view";

/** The sectors with their procedure counts; null (a message on the page) when the catalogue is unreachable. */
export async function loadHomeSectors(): Promise<HomeSector[] | null> {
  try {
    return await api.sector.list();
  } catch (error) {
    console.error("[home] sector list failed:", error);
    return null;
  }
}
