import { useI18n } from '../../i18n';
import type { ServerRegistration } from '../../../shared/protocol';
import { maskNik } from '../../../shared/nik';
import { cardText } from './card-text';
import { Dialog } from './dialog';
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

/**
 * A village's workers: masked NIKs only (UU PDP), with the actions a coordinator may take. On
 * a phone each row reads as a card (coordinator.css); a void or a KPJ number is asked in a
 * dialog over the page, never inside the table (which may be scrolled sideways).
 */
export function WorkerTable({ caption, rows, numbered, editing, onEdit, onChanged }: WorkerTableProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  if (rows.length === 0) return null;
  const open = editing ? rows.find((r) => r.id === editing.id) : undefined;
  const col = {
    no: t(numbered ? 'coord.col.order' : 'coord.col.no'), nik: t('coord.col.nik'), status: t('coord.col.status'),
    kpj: t('coord.col.kpj'), card: t('coord.col.card'),
  };
  return (
    <>
    <TableScroll label={caption}>
    <table className="worker-table card-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{col.no}</th>
          <th scope="col">{t('coord.col.name')}</th>
          <th scope="col">{col.nik}</th>
          <th scope="col">{col.status}</th>
          <th scope="col">{col.kpj}</th>
          <th scope="col">{col.card}</th>
          <th scope="col">{t('coord.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id}>
            <td className="num" data-label={col.no}>{i + 1}</td>
            <th scope="row">{r.fullName}</th>
            <td className="nik" data-label={col.nik}>{maskNik(r.nik)}</td>
            <td data-label={col.status}>
              <span className={`status status--${r.status}`}>{t(`status.${r.status}`)}</span>
              {r.status === 'voided' && r.voidReason ? <span className="note">{r.voidReason}</span> : null}
            </td>
            <td data-label={col.kpj}>{r.kpjNumber ?? '—'}</td>
            <td data-label={col.card}>{r.card ? cardText(t, fmt, r.card) : t('coord.card.none')}</td>
            <td className="actions">
              {r.status === 'accepted' && (
                <button type="button" className="btn" onClick={() => onEdit({ id: r.id, kind: 'kpj' })} aria-label={t('coord.kpj.edit-for', { name: r.fullName })}>
                  {t('coord.kpj.edit')}
                </button>
              )}
              {r.status !== 'voided' && (
                <button type="button" className="btn btn-danger" onClick={() => onEdit({ id: r.id, kind: 'void' })} aria-label={t('coord.void.for', { name: r.fullName })}>
                  {t('coord.void.open')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
    {open && editing?.kind === 'void' && (
      <Dialog title={t('coord.void.for', { name: open.fullName })} onClose={() => onEdit(null)}>
        <VoidForm registration={open} onDone={(done) => { onEdit(null); if (done) onChanged(); }} />
      </Dialog>
    )}
    {open && editing?.kind === 'kpj' && (
      <Dialog title={t('coord.kpj.edit-for', { name: open.fullName })} onClose={() => onEdit(null)}>
        <KpjForm registration={open} onSaved={() => { onEdit(null); onChanged(); }} onCancel={() => onEdit(null)} />
      </Dialog>
    )}
    </>
  );
}
