/** Request size limits shared by the app and its routes. */
/**
 * A push normally stays near 1 MB, but one local transaction is never split (a faculty's
 * sheets generated at once, a promotion order for a whole course): such a push travels
 * gzip-compressed and may unpack to this much.
 */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;
/** What a compressed body may weigh on the wire. */
export const MAX_COMPRESSED = 4 * 1024 * 1024;
