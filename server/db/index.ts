export { createDb, getDb, type Db, type DbTx } from "./client";
export * from "./generated/enums";
export { Prisma } from "./generated/client";
export { sqlRows } from "./sql";
