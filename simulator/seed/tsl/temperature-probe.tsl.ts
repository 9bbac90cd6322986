import { boolSpecs, enumSpecs, event, numberSpecs, param, property, ref, type TslFeatures } from './tsl.builders';

/** RS485 temperature probe behind a gateway (proxy internet access only). */
export function temperatureProbeTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'temperature', 'Temperature', 'R', 'FLOAT', numberSpecs('-50', '200', '0.1', '°C'), 1),
      property(2, 'alarm_threshold', 'Alarm threshold', 'RW', 'FLOAT', numberSpecs('-50', '200', '0.5', '°C'), 2),
      property(
        3,
        'unit',
        'Display unit',
        'RW',
        'ENUM',
        enumSpecs([
          [0, 'Celsius'],
          [1, 'Fahrenheit'],
        ]),
        3,
      ),
      property(4, 'alarm_enabled', 'Alarm enabled', 'RW', 'BOOL', boolSpecs(), 4),
    ],
    events: [
      event(
        20,
        'over_temperature',
        'Over temperature',
        'ERROR',
        [ref(1), param(1, 'threshold', 'Threshold', 'FLOAT', numberSpecs('-50', '200', '0.5', '°C'))],
        5,
      ),
    ],
    services: [],
  };
}
