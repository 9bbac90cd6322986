/**
 * Shapes we accept for platform ids and user domains, which inputs of every domain carry (keys.ts holds the
 * product and device keys).
 */

/** Platform ids are int64; we accept what a JavaScript number carries exactly. */
export const PLATFORM_ID_PATTERN = /^[1-9]\d{0,14}$/;
export const PLATFORM_ID_RULE = 'id must be a positive integer of at most 15 digits';

/** A user domain names one App, e.g. C.DM.5715.1. */
export const USER_DOMAIN_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const USER_DOMAIN_RULE = 'userDomain must be 1-64 letters, digits, ".", "_" or "-", e.g. C.DM.5715.1';
