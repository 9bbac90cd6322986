/**
 * Business codes and the server's message strings, verbatim from reference §10.1 (CN pages' status
 * tables). 70000 has no documented text; the bracketed paraphrase is used.
 */
export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  200: 'OK',
  50000: 'service exception',
  50004: 'param null or empty',
  50005: 'param check error',
  50006: 'The productID or productKey is empty.',
  50007: 'The deviceID, productKey or deviceKey is empty.',
  61001: 'PROTOCOL_NOT_SUPPORT',
  61002: 'device offline',
  61005: 'Unauthorized device.',
  61006: 'device message upper limit',
  61007: 'device message frequency is limited',
  70000: 'Hub service unavailable',
  70017: 'Product does not exist.',
  70020: 'Not a gateway product.',
  70026: 'The sub-device is not connected to the gateway device.',
  70027: 'Not a product of product integration.',
  70028: 'There is no associated gateway device.',
  70029: 'Not a sub-gateway product.',
  70051: 'Failed data sending.',
  70060: 'Permission Denied',
  70063: 'The device with transparent transmission mode does not support sending TSL model data.',
  70083: 'Product category and parameter type are unmatched.',
  70089: 'You have limited permission to operate this project or product or device.',
  70090: 'The number is out of range or step size.',
  70091: 'The value is not a member of the enumeration.',
  70092: 'The text is too long.',
  70093: 'Incorrect time stamp character.',
  70094: 'The TSL model is unable to analysis and identify data.',
  70095: 'Failed to call cloudBridgeService.',
  70096: 'Failed to issue command from DMP to AEP.',
  70097: 'The TSL model of the selected product is empty.',
  70130: 'Non existent device.',
  71006: 'TSL model data of current version is not found.',
  71008: 'TSL data format verification error.',
  71009: 'The target product belongs to a hardware solution that is different from original product.',
  71010: 'The original prodct TSL data to be copied does not exist.',
  71027: 'TSL model downlink data format is not JSON.',
  71028: 'TSL model downlink data format verification error.',
  71029: 'Illegal downlink data setting for TSL model.',
  71035: 'Parameter verification error.',
  71036: 'TSL model data verification error.',
  71038: "Failed communication. Read-only attributes can't send commands.",
  71039: 'The length of message array has exceeded the defined size.',
  71047: 'Downstream Tsl data format check error.',
  71048: 'The fetch instruction cannot only contain write-only data.',
  80005: 'OpenAPI does not support setting AEP products.',
  90047: "AccessKey didn't exists",
  91001: 'token not exists',
  91004: 'token incorrect',
  91005: "doesn't have permission",
  91006: 'user not exist ip white list reference.',
  91007: 'please open API permission.',
};

export function messageFor(code: number): string {
  return ERROR_MESSAGES[code] ?? ERROR_MESSAGES[50000];
}

/** Token failures on authenticated calls (§2.3); their HTTP status is configurable (§3.4 UNCONFIRMED). */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([91001, 91004]);
