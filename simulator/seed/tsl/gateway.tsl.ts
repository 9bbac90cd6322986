import {
  boolSpecs,
  dateSpecs,
  enumSpecs,
  event,
  lengthSpecs,
  numberSpecs,
  param,
  property,
  ref,
  service,
  textArraySpecs,
  type TslFeatures,
} from './tsl.builders';

/** Gateway: sub-device count, a TEXT array whitelist, RW RAW config, join/reboot services. */
export function gatewayTsl(): TslFeatures {
  return {
    properties: [
      property(1, 'sub_device_count', 'Sub-device count', 'R', 'INT', numberSpecs('0', '256', '1'), 1),
      property(
        2,
        'uplink',
        'Uplink',
        'R',
        'ENUM',
        enumSpecs([
          [0, 'Cellular'],
          [1, 'Wi-Fi'],
          [2, 'Ethernet'],
        ]),
        2,
      ),
      property(3, 'cpu_temperature', 'CPU temperature', 'R', 'FLOAT', numberSpecs('-40', '125', '0.1', '°C'), 3),
      property(4, 'whitelist', 'Sub-device whitelist', 'RW', 'ARRAY', textArraySpecs(50), 4),
      property(5, 'boot_time', 'Boot time', 'R', 'DATE', dateSpecs(), 5),
      property(6, 'config_blob', 'Configuration blob', 'RW', 'RAW', lengthSpecs(1024), 6),
      property(7, 'permit_join', 'Permit join', 'RW', 'BOOL', boolSpecs('Open', 'Closed'), 7),
    ],
    events: [
      event(20, 'sub_device_lost', 'Sub-device lost', 'WARN', [param(1, 'device_key', 'Sub-device', 'TEXT', lengthSpecs(64))], 8),
      event(21, 'power_on', 'Power on', 'INFO', [ref(5)], 9),
      event(
        22,
        'storage_failure',
        'Storage failure',
        'ERROR',
        [param(1, 'free_kb', 'Free space', 'INT', numberSpecs('0', '1048576', '1', 'KB'))],
        10,
      ),
    ],
    services: [
      service(
        30,
        'open_join_window',
        'Open join window',
        [param(1, 'duration', 'Duration', 'INT', numberSpecs('10', '600', '1', 's'))],
        [param(2, 'accepted', 'Accepted', 'BOOL', boolSpecs('Yes', 'No'))],
        11,
      ),
      service(31, 'reboot', 'Reboot', [], [], 12),
    ],
  };
}
