import { AppError, UpstreamError } from '../../errors';
import { CommandStatus } from '../../schema/device-data/command-status.enum';
import type { CommandPayload, CommandResult } from '../../schema/device-data/command.type';
import type { CommandResultDto } from '../../datasources/device-data/device-data.dto';
import { deviceRefKey, type DeviceRef } from '../../datasources/devices/device-ref';

export interface ProductGroup {
  productKey: string;
  deviceKeys: string[];
  /** Index in the input of the first occurrence of the product, for error paths. */
  firstIndex: number;
}

/**
 * TSL downlink calls take one product and many device keys (reference §6.5), so a command to N devices of P
 * products costs P calls. Duplicates are dropped; products keep first-appearance order, devices input order.
 */
export function groupByProduct(refs: readonly DeviceRef[]): ProductGroup[] {
  const groups = new Map<string, ProductGroup>();
  const seen = new Set<string>();
  refs.forEach((ref, index) => {
    const key = deviceRefKey(ref);
    if (seen.has(key)) return;
    seen.add(key);
    const group = groups.get(ref.productKey) ?? { productKey: ref.productKey, deviceKeys: [], firstIndex: index };
    group.deviceKeys.push(ref.deviceKey);
    groups.set(ref.productKey, group);
  });
  return [...groups.values()];
}

export function uniqueRefs(refs: readonly DeviceRef[]): DeviceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = deviceRefKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One result per (deduplicated) device in input order, from the settled upstream calls. `callOf` names the call
 * that carried a device. A call the platform refused with a code rejects all its devices with that code; a call
 * with no answer (timeout, network) leaves them UNKNOWN, because the command may have been sent.
 */
export function toCommandPayload(
  refs: readonly DeviceRef[],
  calls: ReadonlyArray<PromiseSettledResult<CommandResultDto[]>>,
  callOf: (ref: DeviceRef) => number,
): CommandPayload {
  const answers = calls.map((call) => {
    if (call.status === 'rejected') return call.reason as unknown;
    const byDevice = new Map<string, CommandResultDto>();
    for (const row of call.value) {
      if (row.deviceKey) byDevice.set(row.productKey ? deviceRefKey({ productKey: row.productKey, deviceKey: row.deviceKey }) : row.deviceKey, row);
    }
    return byDevice;
  });
  const results = uniqueRefs(refs).map((ref): CommandResult => {
    const answer = answers[callOf(ref)];
    if (answer instanceof Map) {
      const row = answer.get(deviceRefKey(ref)) ?? answer.get(ref.deviceKey);
      if (!row) return unknown(ref, 'The platform answered without a result for this device');
      const accepted = Number(row.code) === 200;
      return {
        ...ref,
        status: accepted ? CommandStatus.ACCEPTED : CommandStatus.REJECTED,
        accepted,
        code: Number(row.code),
        ticket: row.ticket ?? null,
        message: row.message ?? null,
      };
    }
    if (answer instanceof UpstreamError && answer.upstream) {
      return {
        ...ref,
        status: CommandStatus.REJECTED,
        accepted: false,
        code: answer.upstream.code,
        ticket: null,
        message: answer.upstream.msg || answer.message,
      };
    }
    // Only our own coded messages are safe to show; anything else is masked like formatError would.
    return unknown(ref, answer instanceof AppError ? answer.message : 'The platform did not answer');
  });
  const count = (status: CommandStatus) => results.filter((r) => r.status === status).length;
  return {
    results,
    acceptedCount: count(CommandStatus.ACCEPTED),
    rejectedCount: count(CommandStatus.REJECTED),
    unknownCount: count(CommandStatus.UNKNOWN),
    allAccepted: results.every((r) => r.accepted),
  };
}

function unknown(ref: DeviceRef, message: string): CommandResult {
  return { ...ref, status: CommandStatus.UNKNOWN, accepted: false, code: null, ticket: null, message };
}
