// Search text for dossiers: lower case, Vietnamese diacritics removed, so that "nguyen van an"
// finds "Nguyễn Văn An" and codes match whatever case the user typed.

/**
 * Lower-case, diacritics-free, single-spaced text of the given parts (null/empty parts skipped).
 * đ/Đ are letters of their own, not a base letter plus a combining mark, so NFD alone keeps them.
 */
export function normalizeSearchText(...parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === "string" && part.length > 0)
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Mn}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
