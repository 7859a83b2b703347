import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n';
import { errorKey } from './api';
import { useCoordinator } from './coordinator-context';
import { DeviceRenameForm } from './device-rename-form';
import { Dialog } from './dialog';
import { endpoints, type DeviceInfo } from './endpoints';
import { EnrolmentCodeForm } from './enrolment-code-form';
import { useFormat } from './format';
import { TableScroll } from './table-scroll';
import { useRemote } from './use-remote';

export function DevicesView() {
  return (
    <div className="devices">
      <EnrolmentCodeForm />
      <DeviceList />
    </div>
  );
}

type Acting = { device: DeviceInfo; kind: 'rename' | 'revoke' } | null;

/** Enrolled phones: renamed so people know them, revoked when lost (its token stops at once). */
function DeviceList() {
  const { t } = useI18n();
  const { time } = useFormat();
  const { api, auth, placeLabel } = useCoordinator();
  const load = useCallback(() => endpoints.devices(api, auth.scope), [api, auth.scope]);
  const { data: devices, error: loadError, reload } = useRemote<DeviceInfo[]>(load);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [acting, setActing] = useState<Acting>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = revokeError ?? loadError;

  const revoke = async (device: DeviceInfo) => {
    setActing(null);
    setRevokeError(null);
    try {
      await endpoints.revokeDevice(api, device.deviceId);
      setNotice(t('coord.devices.revoked', { name: device.name }));
      reload();
    } catch (err) {
      setRevokeError(err);
    }
  };
  const renamed = (device: DeviceInfo | null) => {
    setActing(null);
    if (!device) return;
    setNotice(t('coord.devices.renamed', { name: device.name }));
    reload();
  };

  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('coord.devices.title')}</h2>
      {notice && <p role="status">{notice}</p>}
      {error != null && <p role="alert" className="error-text">{t(errorKey(error))}</p>}
      {devices?.length === 0 && <p>{t('coord.devices.none')}</p>}
      {devices && devices.length > 0 && (
        <TableScroll label={t('coord.devices.table')}>
        <table className="devices-table card-table">
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
                <td data-label={t('coord.devices.role')}>{t(`coord.role.${d.role}`)}</td>
                <td data-label={t('coord.devices.scope')}>{placeLabel(d.scope)}</td>
                <td data-label={t('coord.devices.created')}>{time(d.createdAt)}</td>
                <td data-label={t('coord.devices.last-seen')}>{d.lastSeenAt ? time(d.lastSeenAt) : '—'}</td>
                <td className="actions">
                  {d.revokedAt ? t('coord.devices.revoked-at', { time: time(d.revokedAt) }) : (
                    <>
                      <button type="button" className="btn" onClick={() => setActing({ device: d, kind: 'rename' })} aria-label={t('coord.devices.rename-for', { name: d.name })}>
                        {t('coord.devices.rename')}
                      </button>
                      <button type="button" className="btn" onClick={() => setActing({ device: d, kind: 'revoke' })} aria-label={t('coord.devices.revoke-for', { name: d.name })}>
                        {t('coord.devices.revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      {acting?.kind === 'rename' && (
        <Dialog title={t('coord.devices.rename-title', { name: acting.device.name })} onClose={() => setActing(null)}>
          <DeviceRenameForm device={acting.device} onDone={renamed} />
        </Dialog>
      )}
      {acting?.kind === 'revoke' && (
        <Dialog title={t('coord.devices.revoke-title')} onClose={() => setActing(null)}>
          <p>{t('coord.devices.confirm', { name: acting.device.name })}</p>
          <div className="dialog__actions">
            <button type="button" className="btn btn-danger" onClick={() => void revoke(acting.device)}>{t('coord.devices.revoke-yes')}</button>
            <button type="button" className="btn" onClick={() => setActing(null)}>{t('action.cancel')}</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
