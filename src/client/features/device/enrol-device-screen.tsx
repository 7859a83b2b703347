import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { navigate } from '../../app/router';
import { appDb } from '../../db/app-state';
import type { Desa100Db } from '../../db/schema';
import { registerMessages, useI18n, type TFunction } from '../../i18n';
import { device } from '../../i18n/messages/device';
import type { FetchLike } from '../../sync/types';
import { guessDeviceName } from './enrol-code';
import { enrolDevice, type EnrolOutcome } from './enrol-device';
import { QrScanner } from './qr-scanner';
import { useDeviceIdentity } from './use-device-identity';
import { useScopeLabel } from './use-scope-label';

registerMessages(device);

export interface EnrolDeviceScreenProps {
  /** From `/enrol?code=…` (the QR code's URL): filled in; the phone's name is asked first. */
  code?: string;
  db?: Desa100Db;
  fetch?: FetchLike;
  /** After a good enrolment; by default the first sync starts and "Lanjut" goes home. */
  onEnrolled?: () => void;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'scanning' }
  | { kind: 'enrolling' }
  | { kind: 'done'; role: string; scope: string }
  | { kind: 'failed'; messageKey: string; params?: Record<string, string | number> };

function roleAndScope(t: TFunction, role: string, scope: string) {
  return { role: t(`device.role.${role}`), scope };
}

async function startFirstSync(): Promise<void> {
  const { requestSync } = await import('../../sync/instance');
  void requestSync();
}

export function EnrolDeviceScreen({ code, db = appDb(), fetch, onEnrolled }: EnrolDeviceScreenProps) {
  const { t } = useI18n();
  const identity = useDeviceIdentity(db);
  const [typed, setTyped] = useState(code ?? '');
  // Null until the operator types: then the stored name (re-enrolment) or a guess shows.
  const [nameInput, setNameInput] = useState<string | null>(null);
  const deviceName = nameInput ?? identity?.deviceName ?? guessDeviceName(navigator.userAgent);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const doneScope = useScopeLabel(db, t, phase.kind === 'done' ? phase.scope : undefined);
  const currentScope = useScopeLabel(db, t, identity?.scope);
  // A code from a link or a scan is not redeemed at once: the phone's name comes first (a
  // guessed "Linux" would name every handover this phone records).
  const [codeGiven, setCodeGiven] = useState(Boolean(code));
  const nameField = useRef<HTMLInputElement>(null);

  const enrol = useCallback(async (rawCode: string): Promise<void> => {
    setPhase({ kind: 'enrolling' });
    const outcome: EnrolOutcome = await enrolDevice(
      { db, fetch: fetch ?? ((input, init) => window.fetch(input, init)), isOnline: () => navigator.onLine },
      { code: rawCode, deviceName },
    );
    if (!outcome.ok) {
      setPhase({ kind: 'failed', messageKey: outcome.messageKey, params: outcome.params });
      return;
    }
    setPhase({ kind: 'done', role: outcome.identity.role, scope: outcome.identity.scope });
    // A used code in the address bar would fail on reload: drop it.
    if (window.location.search.includes('code=')) navigate('/enrol', { replace: true });
    if (onEnrolled) onEnrolled();
    else void startFirstSync();
  }, [db, fetch, deviceName, onEnrolled]);

  useEffect(() => {
    if (codeGiven && phase.kind === 'form') nameField.current?.focus();
  }, [codeGiven, phase.kind]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void enrol(typed);
  }

  if (phase.kind === 'done') {
    return (
      <main className="screen">
        <h1>{t('device.done')}</h1>
        <p className="ok-text" role="status">{t('device.done.body', roleAndScope(t, phase.role, doneScope))}</p>
        <button type="button" className="btn btn-primary btn-wide" onClick={() => navigate('/')}>
          {t('device.continue')}
        </button>
      </main>
    );
  }

  const busy = phase.kind === 'enrolling';
  return (
    <main className="screen">
      <h1>{t('device.title')}</h1>
      <p className="muted">{t('device.intro')}</p>
      {identity && (
        <div className="card">
          <p>{t('device.current', roleAndScope(t, identity.role, currentScope))}</p>
          <p className="hint">{t('device.again')}</p>
        </div>
      )}
      {identity === null && <p>{t('device.current.none')}</p>}
      {codeGiven && phase.kind === 'form' && <p role="status">{t('device.code.given')}</p>}
      {phase.kind === 'failed' && (
        <p className="notice-error" role="alert">{t(phase.messageKey, phase.params)}</p>
      )}
      {phase.kind === 'scanning' ? (
        <div className="stack">
          <QrScanner onCode={(scanned) => { setTyped(scanned); setCodeGiven(true); setPhase({ kind: 'form' }); }} />
          <button type="button" className="btn" onClick={() => setPhase({ kind: 'form' })}>{t('device.scan.stop')}</button>
        </div>
      ) : (
        <button type="button" className="btn btn-wide" disabled={busy} onClick={() => setPhase({ kind: 'scanning' })}>
          {t('device.scan')}
        </button>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="enrol-code">{t('device.code')}</label>
          <input
            id="enrol-code" name="code" value={typed} autoComplete="off" autoCapitalize="characters"
            spellCheck={false} aria-describedby="enrol-code-hint" onChange={(e) => setTyped(e.target.value)}
          />
          <p id="enrol-code-hint" className="hint">{t('device.code.hint')}</p>
        </div>
        <div className="field">
          <label htmlFor="device-name">{t('device.name')}</label>
          <input
            id="device-name" ref={nameField} name="deviceName" value={deviceName} maxLength={100} aria-describedby="device-name-hint"
            onChange={(e) => setNameInput(e.target.value)}
          />
          <p id="device-name-hint" className="hint">{t('device.name.hint')}</p>
        </div>
        <button type="submit" className="btn btn-primary btn-wide" disabled={busy}>
          {busy ? t('device.enrolling') : t('device.submit')}
        </button>
      </form>
    </main>
  );
}
