import { Fragment } from 'react';
import { useI18n } from '../../i18n';
import type { ServerRegistration } from '../../../shared/protocol';
import { maskNik } from '../../../shared/nik';
import { cardText } from './card-text';
import { useFormat } from './format';
import { KpjForm } from './kpj-form';
import { TableScroll } from './table-scroll';
import { VoidForm } from './void-form';

export type Editing = { id: string; kind: 'void' | 'kpj' } | null;

export interface WorkerTableProps {
  caption: string;
  rows: ServerRegistration[];
  /** Waitlist order numbers instead of plain row numbers. */
  numbered?: boolean;
  editing: Editing;
  onEdit: (editing: Editing) => void;
  onChanged: () => void;
}

/** A village's workers: masked NIKs only (UU PDP), with the actions a coordinator may take. */
export function WorkerTable({ caption, rows, numbered, editing, onEdit, onChanged }: WorkerTableProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  if (rows.length === 0) return null;
  return (
    <TableScroll label={caption}>
    <table className="worker-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(numbered ? 'coord.col.order' : 'coord.col.no')}</th>
          <th scope="col">{t('coord.col.name')}</th>
          <th scope="col">{t('coord.col.nik')}</th>
          <th scope="col">{t('coord.col.status')}</th>
          <th scope="col">{t('coord.col.kpj')}</th>
          <th scope="col">{t('coord.col.card')}</th>
          <th scope="col">{t('coord.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const open = editing?.id === r.id ? editing.kind : null;
          const live = r.status !== 'voided';
          return (
            <Fragment key={r.id}>
              <tr>
                <td className="num">{i + 1}</td>
                <th scope="row">{r.fullName}</th>
                <td className="nik">{maskNik(r.nik)}</td>
                <td>
                  <span className={`status status--${r.status}`}>{t(`status.${r.status}`)}</span>
                  {r.status === 'voided' && r.voidReason ? <span className="note">{r.voidReason}</span> : null}
                </td>
                <td>{r.kpjNumber ?? '—'}</td>
                <td>{r.card ? cardText(t, fmt, r.card) : t('coord.card.none')}</td>
                <td className="actions">
                  {r.status === 'accepted' && (
                    <button type="button" className="btn" onClick={() => onEdit({ id: r.id, kind: 'kpj' })} aria-label={t('coord.kpj.edit-for', { name: r.fullName })}>
                      {t('coord.kpj.edit')}
                    </button>
                  )}
                  {live && (
                    <button type="button" className="btn btn-danger" onClick={() => onEdit({ id: r.id, kind: 'void' })} aria-label={t('coord.void.for', { name: r.fullName })}>
                      {t('coord.void.open')}
                    </button>
                  )}
                </td>
              </tr>
              {open && (
                <tr className="row-form">
                  <td colSpan={7}>
                    {open === 'void' ? (
                      <VoidForm registration={r} onDone={(done) => { onEdit(null); if (done) onChanged(); }} />
                    ) : (
                      <KpjForm registration={r} onSaved={() => { onEdit(null); onChanged(); }} onCancel={() => onEdit(null)} />
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
    </TableScroll>
  );
}
