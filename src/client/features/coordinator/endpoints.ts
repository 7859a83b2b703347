import { newId } from '../../../shared/ids';
import type {
  CoveragePeriod, DeviceInfo, EnrolmentCodeResponse, KpjImportResult, KpjImportRow, OpResult, PullResponse, Quota,
  BoardLevel, QuotaBoard, RegionBoard, ServerRegistration, VoidOp,
} from '../../../shared/protocol';
import type { Role } from '../../../shared/codes';
import { ApiError, type Api } from './api';

// Every server call the coordinator and handover screens make, typed, in one place, so that
// the server side can be matched against this file.

// The wire types live in src/shared/protocol.ts, next to the server that answers them.
export type { DeviceInfo, KpjImportResult, KpjImportRow } from '../../../shared/protocol';

export type ExportFormat = 'csv' | 'xlsx';

/** `*` means "the caller's whole scope": the server's default, so the parameter is left out. */
function scopeQuery(scope: string, prefix = '?'): string {
  return scope === '*' ? '' : `${prefix}scope=${encodeURIComponent(scope)}`;
}

export const endpoints = {
  board: (api: Api, scope: string) => api.json<QuotaBoard>('GET', `/quotas${scopeQuery(scope)}`),

  /** The board summed one level down (contract addition `level=`): for scopes above a regency. */
  regionBoard: (api: Api, scope: string, level: BoardLevel) =>
    api.json<RegionBoard>('GET', `/quotas?level=${level}${scopeQuery(scope, '&')}`),

  setQuota: (api: Api, villageCode: string, quota: number) =>
    api.json<Quota>('PUT', `/villages/${encodeURIComponent(villageCode)}/quota`, { quota }),

  villageRegistrations: async (api: Api, villageCode: string) =>
    (await api.json<{ registrations: ServerRegistration[] }>(
      'GET', `/villages/${encodeURIComponent(villageCode)}/registrations`,
    )).registrations,

  /** A void is decided now (the coordinator is at a desk, online), through the push endpoint. */
  voidRegistration: async (api: Api, deviceId: string, id: string, reason: string): Promise<OpResult> => {
    const op: VoidOp = { opId: newId(), type: 'registration.void', id, reason };
    const response = await api.json<{ results: OpResult[] }>('POST', '/sync/push', { deviceId, ops: [op] });
    const result = response.results[0];
    if (!result) throw new Error('push answered without a result');
    return result;
  },

  createEnrolmentCode: (api: Api, role: Role, scope: string) =>
    api.json<EnrolmentCodeResponse>('POST', '/enrolment-codes', { role, scope }),

  devices: async (api: Api, scope: string) =>
    (await api.json<{ devices: DeviceInfo[] }>('GET', `/devices${scopeQuery(scope)}`)).devices,

  /** Contract addition (docs/architecture.md): a coordinator renames a phone in their scope. */
  renameDevice: (api: Api, deviceId: string, name: string) =>
    api.json<DeviceInfo>('PATCH', `/devices/${encodeURIComponent(deviceId)}`, { name }),

  revokeDevice: (api: Api, deviceId: string) =>
    api.json<void>('DELETE', `/devices/${encodeURIComponent(deviceId)}`),

  /** Contract addition: the protection period in force for a scope, or null when none is set. */
  coveragePeriod: async (api: Api, scope: string): Promise<CoveragePeriod | null> => {
    try {
      return await api.json<CoveragePeriod>('GET', `/coverage-periods/${encodeURIComponent(scope)}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not-found') return null;
      throw err;
    }
  },

  setCoveragePeriod: (api: Api, scope: string, start: string, end: string) =>
    api.json<CoveragePeriod>('PUT', `/coverage-periods/${encodeURIComponent(scope)}`, { start, end }),

  setKpj: (api: Api, registrationId: string, kpjNumber: string) =>
    api.json<ServerRegistration>('PUT', `/registrations/${encodeURIComponent(registrationId)}/kpj`, { kpjNumber }),

  importKpj: (api: Api, rows: KpjImportRow[]) => api.json<KpjImportResult>('POST', '/kpj/import', { rows }),

  exportFile: (api: Api, format: ExportFormat, scope: string) =>
    api.blob(`/exports/registrations.${format}${scopeQuery(scope)}`),

  /** One page of a pull narrowed to `scope` (an event's village), from `since`. */
  pull: (api: Api, scope: string, since: number, limit: number) =>
    api.json<PullResponse>('GET', `/sync/pull?since=${since}&limit=${limit}&scope=${encodeURIComponent(scope)}`),
};
