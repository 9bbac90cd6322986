import { enumSpecs, event, numberArraySpecs, numberSpecs, param, property, ref, service, type TslFeatures } from './tsl.builders';

/** LoRa soil sensor behind a gateway (product integration). */
export function soilSensorTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'soil_moisture', 'Soil moisture', 'R', 'FLOAT', numberSpecs('0', '100', '0.1', '%'), 1),
      property(2, 'soil_temperature', 'Soil temperature', 'R', 'FLOAT', numberSpecs('-40', '80', '0.1', '°C'), 2),
      property(3, 'conductivity', 'Electrical conductivity', 'R', 'DOUBLE', numberSpecs('0', '20000', '0.01', 'µS/cm'), 3),
      property(4, 'battery_level', 'Battery level', 'R', 'INT', numberSpecs('0', '100', '1', '%'), 4),
      property(5, 'sampling_interval', 'Sampling interval', 'RW', 'INT', numberSpecs('60', '86400', '60', 's'), 5),
      property(
        6,
        'npk',
        'Nutrients',
        'R',
        'STRUCT',
        [
          param(1, 'nitrogen', 'Nitrogen', 'INT', numberSpecs('0', '1999', '1', 'mg/kg')),
          param(2, 'phosphorus', 'Phosphorus', 'INT', numberSpecs('0', '1999', '1', 'mg/kg')),
          param(3, 'potassium', 'Potassium', 'INT', numberSpecs('0', '1999', '1', 'mg/kg')),
        ],
        6,
      ),
      property(7, 'moisture_trend', 'Moisture trend', 'R', 'ARRAY', numberArraySpecs(24, 'FLOAT', '0', '100', '0.1'), 7, 'Hourly, last 24 h'),
    ],
    events: [
      event(20, 'low_battery', 'Low battery', 'WARN', [ref(4)], 8),
      event(
        21,
        'probe_fault',
        'Probe fault',
        'ERROR',
        [
          param(
            1,
            'probe',
            'Probe',
            'ENUM',
            enumSpecs([
              [0, 'Moisture'],
              [1, 'Temperature'],
              [2, 'EC'],
            ]),
          ),
        ],
        9,
      ),
    ],
    services: [service(30, 'calibrate', 'Calibrate', [param(1, 'dry_value', 'Dry reading', 'INT', numberSpecs('0', '4095', '1'))], [], 10)],
  };
}
