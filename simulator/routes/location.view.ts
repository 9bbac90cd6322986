import { gcjToBd, wgsToGcj } from '../geo/coordinate-systems';
import { nmeaCoordinate } from '../geo/nmea';
import type { Device, LocationFix } from '../store/store.types';

/**
 * "QdLocationLatest" (§6.5): times as ms strings, NMEA ddmm.mmmm lat/lng strings with N/S, E/W, and the fix in
 * WGS-84, GCJ-02 and BD-09 degrees. `id` is the fix's ticket [INFERRED]; `count` 0 as in the example.
 */
export function toLocationLatest(device: Device, fix: LocationFix): Record<string, unknown> {
  const gcj = wgsToGcj(fix.wgs);
  const bd = gcjToBd(gcj);
  return {
    id: fix.ticket,
    productKey: device.productKey,
    deviceKey: device.deviceKey,
    deviceId: device.id,
    deviceStatus: device.deviceStatus,
    ticket: fix.ticket,
    createTime: String(fix.createTime),
    locateTime: String(fix.locateTime),
    locateType: fix.locateType,
    locType: null,
    locateStatus: fix.locateStatus,
    locateRaw: fix.locateRaw,
    lat: nmeaCoordinate(fix.wgs.lat, 2),
    latType: fix.wgs.lat >= 0 ? 'N' : 'S',
    lng: nmeaCoordinate(fix.wgs.lng, 3),
    lngType: fix.wgs.lng >= 0 ? 'E' : 'W',
    wgsLat: fix.wgs.lat,
    wgsLng: fix.wgs.lng,
    gcjLat: gcj.lat,
    gcjLng: gcj.lng,
    bdLat: bd.lat,
    bdLng: bd.lng,
    accuracy: fix.accuracy,
    hdop: fix.hdop,
    height: fix.height,
    satellites: fix.satellites,
    speed: fix.speed,
    ggaStatus: fix.ggaStatus,
    count: 0,
  };
}
