// 4-hex-digit packet commands shown in history `cmd` (§6.5). "0011" read request and "0012" uplink report are
// documented; write and service-call commands are our choice [INFERRED].
export const CMD_READ = '0011';
export const CMD_REPORT = '0012';
export const CMD_WRITE = '0013';
export const CMD_SERVICE = '0015';
