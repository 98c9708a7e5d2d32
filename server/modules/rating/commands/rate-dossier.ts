// Satisfaction rating of a dossier whose result was returned: once per dossier (Rating.dossierId is
// unique), by the applicant only (their session, or the code with their ID number), so strangers
// who know a sequential code cannot rate someone else's service.
import { Prisma, type Db } from "../../../db";
import { AppError } from "../../../errors";
import { resolveTrackingAccess, type TrackingAccess } from "../../tracking/queries/lookups";
import { ZRatingInputSchema, type TRatingInput, type TRatingResult } from "../schema";

/**
 * Records the rating. NOT_FOUND without the right to rate (as if the code did not exist);
 * INVALID_TRANSITION before the result is returned; CONFLICT (reason ALREADY_RATED) the second time.
 */
export async function rateDossier(db: Db, input: TRatingInput & TrackingAccess): Promise<TRatingResult> {
  const { viewerUserId, grant, secret, ...raw } = input;
  const parsed = ZRatingInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.code]));
    throw new AppError("VALIDATION", { message: `rating: ${parsed.error.message}`, details: { fieldErrors } });
  }
  const rating = parsed.data;
  const dossier = await resolveTrackingAccess(db, { code: rating.code, viewerUserId, grant, secret });
  if (!dossier) throw new AppError("NOT_FOUND", { message: `no dossier ${rating.code} this caller may rate` });
  if (dossier.status !== "RETURNED") {
    throw new AppError("INVALID_TRANSITION", { message: `dossier ${dossier.code} is ${dossier.status}`, details: { reason: "NOT_RETURNED" } });
  }
  try {
    return await db.rating.create({
      data: { dossierId: dossier.dossierId, scores: rating.scores, comment: rating.comment ?? null },
      select: { id: true, createdAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: `dossier ${dossier.code} was already rated`, details: { reason: "ALREADY_RATED" } });
    }
    throw error;
  }
}
