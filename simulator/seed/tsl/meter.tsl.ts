import {
  boolSpecs,
  dateSpecs,
  enumSpecs,
  event,
  lengthSpecs,
  numberArraySpecs,
  numberSpecs,
  param,
  property,
  ref,
  service,
  type TslFeatures,
} from './tsl.builders';

/** Three-phase electricity meter: FLOAT/DOUBLE readings, STRUCT, INT array, write-only RAW. */
export function meterTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'voltage', 'Voltage', 'R', 'FLOAT', numberSpecs('0', '300', '0.1', 'V'), 1),
      property(2, 'current', 'Current', 'R', 'FLOAT', numberSpecs('0', '100', '0.01', 'A'), 2),
      property(3, 'active_power', 'Active power', 'R', 'DOUBLE', numberSpecs('0', '100000', '0.001', 'kW'), 3),
      property(4, 'total_energy', 'Total energy', 'R', 'DOUBLE', numberSpecs('0', '99999999', '0.01', 'kWh'), 4),
      property(5, 'switch', 'Relay switch', 'RW', 'BOOL', boolSpecs('Closed', 'Open'), 5),
      property(6, 'report_interval', 'Report interval', 'RW', 'INT', numberSpecs('10', '86400', '1', 's'), 6),
      property(
        7,
        'tariff_mode',
        'Tariff mode',
        'RW',
        'ENUM',
        enumSpecs([
          [0, 'Flat'],
          [1, 'Peak/valley'],
          [2, 'Tiered'],
        ]),
        7,
      ),
      property(8, 'meter_time', 'Meter clock', 'R', 'DATE', dateSpecs(), 8),
      property(9, 'install_location', 'Install location', 'RW', 'TEXT', lengthSpecs(64), 9),
      property(
        10,
        'daily_energy',
        'Daily energy (last 7 days)',
        'R',
        'ARRAY',
        numberArraySpecs(7, 'INT', '0', '1000000', '1'),
        10,
        'Wh per day, oldest first',
      ),
      property(
        11,
        'phase_voltage',
        'Phase voltages',
        'R',
        'STRUCT',
        [
          param(1, 'phase_a', 'Phase A', 'FLOAT', numberSpecs('0', '300', '0.1', 'V')),
          param(2, 'phase_b', 'Phase B', 'FLOAT', numberSpecs('0', '300', '0.1', 'V')),
          param(3, 'phase_c', 'Phase C', 'FLOAT', numberSpecs('0', '300', '0.1', 'V')),
        ],
        11,
      ),
      property(12, 'calibration', 'Calibration data', 'W', 'RAW', lengthSpecs(256), 12, 'Hex-encoded calibration table'),
    ],
    events: [
      event(20, 'power_outage', 'Power outage', 'ERROR', [ref(8)], 13),
      event(21, 'overload', 'Overload', 'WARN', [param(1, 'peak_power', 'Peak power', 'DOUBLE', numberSpecs('0', '100000', '0.001', 'kW'))], 14),
      event(
        22,
        'meter_reset',
        'Meter reset',
        'INFO',
        [
          param(
            1,
            'reason',
            'Reason',
            'ENUM',
            enumSpecs([
              [0, 'Power on'],
              [1, 'Watchdog'],
              [2, 'Remote command'],
            ]),
          ),
        ],
        15,
      ),
    ],
    services: [
      service(
        30,
        'relay_control',
        'Relay control',
        [ref(5)],
        [
          param(
            1,
            'result',
            'Result',
            'ENUM',
            enumSpecs([
              [0, 'Success'],
              [1, 'Failed'],
              [2, 'Busy'],
            ]),
          ),
        ],
        16,
      ),
      service(31, 'sync_clock', 'Synchronise clock', [param(1, 'server_time', 'Server time', 'DATE', dateSpecs())], [], 17),
    ],
  };
}
