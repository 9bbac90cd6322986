import {
  boolSpecs,
  enumSpecs,
  event,
  lengthSpecs,
  numberSpecs,
  param,
  property,
  ref,
  service,
  structArraySpecs,
  type TslFeatures,
} from './tsl.builders';

/** Wi-Fi smart plug: BOOL switch, ENUM, TEXT, and an ARRAY of STRUCT schedules. */
export function plugTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'switch', 'Switch', 'RW', 'BOOL', boolSpecs(), 1),
      property(2, 'power', 'Power', 'R', 'FLOAT', numberSpecs('0', '3680', '0.1', 'W'), 2),
      property(3, 'energy_today', 'Energy today', 'R', 'DOUBLE', numberSpecs('0', '100', '0.001', 'kWh'), 3),
      property(4, 'countdown', 'Countdown', 'RW', 'INT', numberSpecs('0', '86400', '1', 's'), 4),
      property(
        5,
        'led_mode',
        'Indicator mode',
        'RW',
        'ENUM',
        enumSpecs([
          [0, 'Off'],
          [1, 'Follow relay'],
          [2, 'Always on'],
        ]),
        5,
      ),
      property(6, 'child_lock', 'Child lock', 'RW', 'BOOL', boolSpecs('Locked', 'Unlocked'), 6),
      property(7, 'alias', 'Alias', 'RW', 'TEXT', lengthSpecs(32), 7),
      property(
        8,
        'schedules',
        'Schedules',
        'RW',
        'ARRAY',
        structArraySpecs(10, [
          param(1, 'time', 'Time (HH:mm)', 'TEXT', lengthSpecs(5)),
          param(2, 'action', 'Turn on', 'BOOL', boolSpecs()),
          param(3, 'weekdays', 'Weekday mask', 'INT', numberSpecs('0', '127', '1')),
        ]),
        8,
      ),
    ],
    events: [
      event(20, 'overheat', 'Overheat', 'WARN', [param(1, 'temperature', 'Temperature', 'FLOAT', numberSpecs('-40', '125', '0.1', '°C'))], 9),
      event(
        21,
        'relay_fault',
        'Relay fault',
        'ERROR',
        [
          param(
            1,
            'fault_code',
            'Fault code',
            'ENUM',
            enumSpecs([
              [1, 'Stuck closed'],
              [2, 'Stuck open'],
            ]),
          ),
        ],
        10,
      ),
      event(22, 'switched', 'Switched', 'INFO', [ref(1)], 11),
    ],
    services: [service(30, 'toggle', 'Toggle', [], [ref(1)], 12)],
  };
}
