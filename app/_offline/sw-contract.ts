// Names shared by the pages and the service worker.

/** The offline shell: a page without user data, precached, served for /officer navigations offline. */
export const SHELL_PATH = "/officer-shell";
/** Background Sync tag of the outbox. */
export const SYNC_TAG_NAME = "motcua-outbox";
export const SW_MESSAGES = { skipWaiting: "SKIP_WAITING" } as const;
