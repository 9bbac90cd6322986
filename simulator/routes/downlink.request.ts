import { BusinessError } from '../http/business-error';
import { bodyObject, optionalBoolean, optionalInteger, requiredArray, requiredString, type JsonObject } from '../http/body-fields';

export interface DownlinkOptions {
  isCache: boolean;
  /** Seconds. */
  cacheTime: number;
  isCover: boolean;
  qos: number;
}

export interface TslDownlinkRequest {
  productKey: string;
  deviceKeys: string[];
  /** The `data` JSON document, still serialised (§6.5). */
  data: string;
  options: DownlinkOptions;
}

/** isCache/cacheTime/isCover/qos (§6.5); defaults false/600/false/1, qos limited to MQTT's 0..2 [INFERRED]. */
export function readDownlinkOptions(body: JsonObject): DownlinkOptions {
  return {
    isCache: optionalBoolean(body, 'isCache') ?? false,
    cacheTime: optionalInteger(body, 'cacheTime', 0, Number.MAX_SAFE_INTEGER) ?? 600,
    isCover: optionalBoolean(body, 'isCover') ?? false,
    qos: optionalInteger(body, 'qos', 0, 2) ?? 1,
  };
}

/**
 * "OpenApiSendTslDataDTO" (§6.5). Missing productKey or an absent/empty `devices` -> 50007 (the downlink
 * family's "keys are empty" code); `devices` entries must be non-empty strings and `data` must be a string
 * (a JSON array sent unserialised fails binding) -> 50005. Duplicate deviceKeys are each sent [INFERRED].
 */
export function readTslDownlink(raw: unknown): TslDownlinkRequest {
  const body = bodyObject(raw);
  const productKey = requiredString(body, 'productKey', 50007);
  const devices = requiredArray(body, 'devices', 50007);
  if (!devices.every((d): d is string => typeof d === 'string' && d !== '')) throw new BusinessError(50005);
  const data = body.data;
  if (typeof data !== 'string' || data.trim() === '') throw new BusinessError(50005);
  return { productKey, deviceKeys: devices, data, options: readDownlinkOptions(body) };
}
