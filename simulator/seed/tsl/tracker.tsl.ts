import { boolSpecs, dateSpecs, event, lengthSpecs, numberSpecs, property, ref, type TslFeatures } from './tsl.builders';

/** Asset tracker; only seeded for the product that is not authorized to the SaaS app. */
export function trackerTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'latitude', 'Latitude', 'R', 'DOUBLE', numberSpecs('-90', '90', '0.000001', '°'), 1),
      property(2, 'longitude', 'Longitude', 'R', 'DOUBLE', numberSpecs('-180', '180', '0.000001', '°'), 2),
      property(3, 'fix_time', 'Fix time', 'R', 'DATE', dateSpecs(), 3),
      property(4, 'tracking', 'Tracking enabled', 'RW', 'BOOL', boolSpecs(), 4),
      property(5, 'label', 'Label', 'RW', 'TEXT', lengthSpecs(32), 5),
    ],
    events: [event(20, 'geofence_exit', 'Geofence exit', 'WARN', [ref(1), ref(2)], 6)],
    services: [],
  };
}
