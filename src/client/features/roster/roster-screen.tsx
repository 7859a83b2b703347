import { useCallback, useDeferredValue, useId, useState, type MouseEvent } from 'react';
import { maskNik } from '../../../shared/nik';
import { Link } from '../../app/router';
import {
  countNameMatches, db, getRegistrations, listDrafts, searchRegistrationIds, useLiveQuery,
  type Draft, type LocalRegistration, type LocalStatus,
} from '../../db';
import { registerMessages, useI18n } from '../../i18n';
import { roster } from '../../i18n/messages/roster';
import { RejectionReason } from './use-rejection-text';
import { StatusBadge } from './status-badge';
import { VirtualList } from './virtual-list';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './roster.css';

registerMessages(roster);

const ROW_HEIGHT = 88;
/** Rows are loaded in pages, so that scrolling a few pixels does not query again. */
const PAGE = 25;
const STATUSES: LocalStatus[] = ['pending', 'sent', 'accepted', 'waitlisted', 'rejected', 'voided'];

export interface RosterScreenProps {
  /** Called instead of navigating to `/peserta/:id` when given (embedding, tests). */
  onOpen?: (id: string) => void;
}

function draftName(draft: Draft): string {
  const name = draft.values.fullName;
  return typeof name === 'string' ? name.trim() : '';
}

/** Every registration on this phone, searchable by name prefix or NIK digits. */
export function RosterScreen({ onOpen }: RosterScreenProps) {
  const { t } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<LocalStatus | ''>('');
  // Typing stays responsive on a slow phone: the search follows a moment behind.
  const search = useDeferredValue(query);
  const found = useLiveQuery(() => searchRegistrationIds(db, search, status || undefined), [search, status]);
  const ids = found?.ids;
  // The total of a long list comes a moment after the list itself.
  const total = useLiveQuery(
    () => (found?.truncated && !status ? countNameMatches(db, search) : null),
    [found?.truncated, search, status],
  ) ?? null;
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRangeChange = useCallback((start: number, end: number) => {
    setRange((prev) => {
      const next: [number, number] = [Math.floor(start / PAGE) * PAGE, Math.ceil(end / PAGE) * PAGE];
      return prev[0] === next[0] && prev[1] === next[1] ? prev : next;
    });
  }, []);
  const rows = useLiveQuery(
    () => (ids ? getRegistrations(db, ids.slice(range[0], range[1])) : []),
    [ids, range[0], range[1]],
  );
  const drafts = useLiveQuery(() => listDrafts(db), []) ?? [];
  const byId = new Map<string, LocalRegistration>((rows ?? []).map((r) => [r.id, r]));
  const editDrafts = new Set(drafts.map((d) => d.registrationId).filter((id): id is string => !!id));

  const open = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onOpen) return;
    event.preventDefault();
    onOpen(id);
  };

  const renderRow = (index: number) => {
    const id = ids?.[index];
    const row = id ? byId.get(id) : undefined;
    if (!id || !row) return <div className="roster-row roster-row--loading">{t('roster.row.loading')}</div>;
    return (
      <Link href={`/peserta/${id}`} className="roster-row" onClick={open(id)}>
        <span className="roster-row__name">{row.data.fullName}</span>
        <span className="roster-row__line">
          <span className="roster-row__nik">{maskNik(row.nik)}</span>
          <StatusBadge status={row.status} />
          {editDrafts.has(id) ? <span className="badge badge--draft">{t('roster.draft.badge')}</span> : null}
        </span>
        {row.status === 'rejected' && row.rejection ? (
          <span className="roster-row__reason"><RejectionReason rejection={row.rejection} /></span>
        ) : row.rejection ? (
          // Kept on a record that is not refused only for a refused card handover (sync-records.ts).
          <span className="roster-row__reason">{t('detail.handover.title')}</span>
        ) : null}
      </Link>
    );
  };

  const filtered = search.trim() !== '' || status !== '';
  return (
    <main className="roster">
      <h1>{t('roster.title')}</h1>
      <div className="roster-controls">
        <div className="roster-field roster-field--search">
          <label htmlFor={searchId}>{t('roster.search')}</label>
          <input
            id={searchId}
            type="search"
            name="q"
            autoComplete="off"
            aria-describedby={`${searchId}-hint`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p id={`${searchId}-hint`} className="roster-hint">{t('roster.search.hint')}</p>
        </div>
        <div className="roster-field">
          <label htmlFor={`${searchId}-status`}>{t('roster.filter')}</label>
          <select
            id={`${searchId}-status`}
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as LocalStatus | '')}
          >
            <option value="">{t('roster.filter.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
      </div>
      {drafts.length > 0 ? (
        <section className="roster-drafts" aria-labelledby={`${searchId}-drafts`}>
          <h2 id={`${searchId}-drafts`}>{t('roster.drafts')}</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link href={d.registrationId ? `/daftar/${d.registrationId}` : '/daftar'} className="roster-draft">
                  <StatusBadge status="draft" />{' '}
                  {t(d.registrationId ? 'roster.draft.edit' : 'roster.draft.new', {
                    name: draftName(d) || t('roster.draft.unnamed'),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="roster-count" aria-live="polite">
        {found?.truncated
          ? t(total === null ? 'roster.count.more' : 'roster.count.some', { count: found.ids.length, total: total ?? '' })
          : null}
        {found && !found.truncated ? t('roster.count', { count: found.ids.length }) : null}
        {found ? null : t('roster.row.loading')}
      </p>
      {ids && ids.length === 0 ? (
        <p className="roster-empty">
          {filtered ? t('roster.no-match') : t('roster.empty')}{' '}
          {filtered ? null : <Link href="/daftar">{t('roster.register')}</Link>}
        </p>
      ) : null}
      {ids && ids.length > 0 ? (
        <VirtualList
          className="roster-list"
          label={t('roster.list')}
          count={ids.length}
          rowHeight={ROW_HEIGHT}
          renderRow={renderRow}
          onRangeChange={onRangeChange}
        />
      ) : null}
    </main>
  );
}
