// The satisfaction rating's input and result (isomorphic).
import { z } from "zod";

/** The criteria asked (a subset of the provincial portal's 12, DOMAIN.md › Satisfaction rating). */
export const RATING_CRITERIA = ["overall", "timeliness", "staffAttitude", "contactsNeeded"] as const;

const ZScore = z.coerce.number().int().min(1).max(5);

export const ZRatingInputSchema = z.object({
  code: z.string().trim().min(1).max(60),
  scores: z.object({ overall: ZScore, timeliness: ZScore, staffAttitude: ZScore, contactsNeeded: ZScore }).strict(),
  comment: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => v?.normalize("NFC").trim() || undefined),
});

export type TRatingInput = z.input<typeof ZRatingInputSchema>;

export interface TRatingResult {
  id: string;
  createdAt: Date;
}
