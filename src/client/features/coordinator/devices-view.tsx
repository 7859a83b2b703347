import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { endpoints, type DeviceInfo } from './endpoints';
import { EnrolmentCodeForm } from './enrolment-code-form';
import { useFormat } from './format';
import { TableScroll } from './table-scroll';
import { useRemote } from './use-remote';

export function DevicesView() {
  return (
    <section className="devices">
      <EnrolmentCodeForm />
      <DeviceList />
    </section>
  );
}

/** Enrolled phones; revoking one stops its token at once (a lost or stolen phone). */
function DeviceList() {
  const { t } = useI18n();
  const { time } = useFormat();
  const { api, auth, placeLabel } = useCoordinator();
  const load = useCallback(() => endpoints.devices(api, auth.scope), [api, auth.scope]);
  const { data: devices, error: loadError, reload } = useRemote<DeviceInfo[]>(load);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = revokeError ?? loadError;

  const revoke = async (device: DeviceInfo) => {
    setConfirming(null);
    setRevokeError(null);
    try {
      await endpoints.revokeDevice(api, device.deviceId);
      setNotice(t('coord.devices.revoked', { name: device.name }));
      reload();
    } catch (err) {
      setRevokeError(err);
    }
  };

  return (
    <section aria-labelledby="devices-title">
      <h3 id="devices-title">{t('coord.devices.title')}</h3>
      {notice && <p role="status">{notice}</p>}
      {error != null && <p role="alert" className="error-text">{t(errorKey(error))}</p>}
      {devices?.length === 0 && <p>{t('coord.devices.none')}</p>}
      {devices && devices.length > 0 && (
        <TableScroll label={t('coord.devices.title')}>
        <table className="devices-table">
          <thead>
            <tr>
              <th scope="col">{t('coord.devices.name')}</th>
              <th scope="col">{t('coord.devices.role')}</th>
              <th scope="col">{t('coord.devices.scope')}</th>
              <th scope="col">{t('coord.devices.created')}</th>
              <th scope="col">{t('coord.devices.last-seen')}</th>
              <th scope="col">{t('coord.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.deviceId}>
                <th scope="row">{d.name}</th>
                <td>{t(`coord.role.${d.role}`)}</td>
                <td>{placeLabel(d.scope)}</td>
                <td>{time(d.createdAt)}</td>
                <td>{d.lastSeenAt ? time(d.lastSeenAt) : '—'}</td>
                <td>
                  {d.revokedAt ? (
                    t('coord.devices.revoked-at', { time: time(d.revokedAt) })
                  ) : confirming === d.deviceId ? (
                    <span role="group" aria-label={t('coord.devices.confirm', { name: d.name })}>
                      {t('coord.devices.confirm', { name: d.name })}{' '}
                      <button type="button" className="btn btn-danger" onClick={() => void revoke(d)}>{t('coord.devices.revoke-yes')}</button>
                      <button type="button" className="btn" onClick={() => setConfirming(null)}>{t('action.cancel')}</button>
                    </span>
                  ) : (
                    <button type="button" className="btn" onClick={() => setConfirming(d.deviceId)} aria-label={t('coord.devices.revoke-for', { name: d.name })}>
                      {t('coord.devices.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}
