-- The planner assumes receivingAgencyId and handlingAgencyId are independent, so it expects tens of
-- thousands of "received here, handled elsewhere" rows where there are almost none; at 1M dossiers
-- the inflated cost crossed the JIT threshold and every "all" worklist page paid 27-160 ms of JIT
-- compilation for a 0.3 ms query (bench/worklist.bench.ts). Multivariate statistics fix the estimate.
CREATE STATISTICS IF NOT EXISTS "Dossier_agencies_mcv" (mcv) ON "receivingAgencyId", "handlingAgencyId" FROM "Dossier";
