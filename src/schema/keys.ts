/**
 * Shapes we accept for platform keys before sending anything upstream. The platform does not publish its rules;
 * these are generous supersets of every key seen in the reference (PK `p11v14`, DK IMEIs, MACs, `DK00001`).
 */
export const PRODUCT_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

export const PRODUCT_KEY_RULE = 'productKey must be 1-32 letters, digits, "_" or "-"';
export const DEVICE_KEY_RULE = 'deviceKey must be 1-64 letters, digits, "_", "-", "." or ":"';
