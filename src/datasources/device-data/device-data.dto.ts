/** "DeviceData": rows of `device/data/history` (reference §6.5). Times are epoch-ms numeric strings. */
export interface DeviceMessageDto {
  id?: string | null;
  ticket?: string | null;
  productKey: string;
  deviceKey: string;
  /** 1 up, 2 down (reference §5) */
  direction?: number | null;
  /** "up" / "down" */
  msgType?: string | null;
  /** 4-hex-digit packet command, e.g. "0012" uplink report, "0011" read request */
  cmd?: string | null;
  sourceType?: string | null;
  /** "BASE64" */
  dataType?: string | null;
  /** The raw packet, base64 */
  data?: string | null;
  /** JSON text of the decoded TSL payload, keyed by TSL id (reference §6.5) */
  dmData?: string | null;
  /** 0 not sent, 1 sent, -1 failed */
  sendStatus?: number | null;
  sendTime?: string | number | null;
  createTime?: string | number | null;
  updateTime?: string | number | null;
}

/** "DeviceEventVO": rows of `device/eventdata/history` (reference §6.5). */
export interface DeviceEventDto {
  id?: string | null;
  ticket?: string | null;
  productKey: string;
  deviceKey: string;
  /** "0".."6" (reference §5) */
  eventType?: string | number | null;
  /** "online"/"offline"… for connectivity events, the TSL event code for 3/4/5 */
  eventCode?: string | null;
  eventName?: string | null;
  /** JSON text keyed by output parameter code */
  outputData?: string | null;
  createTime?: string | number | null;
}

/** "QdLocationLatest" of `device/getlocation` (reference §6.5). */
export interface LocationDto {
  productKey?: string | null;
  deviceKey?: string | null;
  ticket?: string | null;
  createTime?: string | number | null;
  locateTime?: string | number | null;
  locateType?: string | null;
  locType?: string | null;
  locateStatus?: string | null;
  lat?: string | null;
  lng?: string | null;
  latType?: string | null;
  lngType?: string | null;
  wgsLat?: number | null;
  wgsLng?: number | null;
  gcjLat?: number | null;
  gcjLng?: number | null;
  bdLat?: number | null;
  bdLng?: number | null;
  accuracy?: string | number | null;
  hdop?: string | number | null;
  height?: string | number | null;
  satellites?: string | number | null;
  speed?: string | number | null;
}

/** One device's answer to a downlink call (reference §6.5). */
export interface CommandResultDto {
  code: number;
  productKey?: string | null;
  deviceKey?: string | null;
  ticket?: string | null;
  message?: string | null;
}

/** A row a batch call refused (createBatch/updateBatch; the reference documents no shape, §12.4). */
export interface BatchRowFailureDto {
  deviceKey?: string | null;
  code?: number | null;
  message?: string | null;
  msg?: string | null;
}
