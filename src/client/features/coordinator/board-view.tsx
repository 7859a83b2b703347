import { useMemo, useState } from 'react';
import type { QuotaBoard } from '../../../shared/protocol';
import { useI18n } from '../../i18n';
import { errorKey } from './api';
import { BOARD_FILTERS, BOARD_SORTS, groupBoard, type BoardFilter, type BoardSort } from './board-model';
import { BoardTable } from './board-table';
import { useCoordinator } from './coordinator-context';
import { FillBar } from './fill-bar';
import { PeriodForm } from './period-form';
import { useFormat } from './format';

/** Past this many villages (a province), districts start folded: open the ones you need. */
const FOLD_ABOVE = 300;

export function BoardView() {
  const { t } = useI18n();
  const { board, placeLabel } = useCoordinator();
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [sort, setSort] = useState<BoardSort>('name');
  const [text, setText] = useState('');
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());

  const groups = useMemo(
    () => (board.board ? groupBoard(board.board, { filter, sort, text }) : []),
    [board.board, filter, sort, text],
  );

  // Narrowed views show every row; a big unfiltered board folds, and a toggle flips that.
  const foldByDefault = filter === 'all' && text.trim() === '' && (board.board?.villages.length ?? 0) > FOLD_ABOVE;
  const folded = useMemo(() => {
    const codes = groups.flatMap((g) => g.districts.map((d) => d.code));
    return new Set(codes.filter((c) => foldByDefault !== toggled.has(c)));
  }, [groups, foldByDefault, toggled]);
  const toggle = (code: string) =>
    setToggled((prev) => {
      const next = new Set(prev);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  const totals = board.board?.totals;
  return (
    <>
    <section aria-labelledby="board-title" className="board">
      <h2 id="board-title">{t('coord.board.title')}</h2>
      <BoardStatus />
      {totals && <BoardSummary totals={totals} />}
      <div className="board-controls">
        <fieldset>
          <legend>{t('coord.filter.legend')}</legend>
          {BOARD_FILTERS.map((f) => (
            <label key={f}>
              <input type="radio" name="board-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {t(`coord.filter.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('coord.sort.label')}
          <select value={sort} onChange={(e) => setSort(e.target.value as BoardSort)}>
            {BOARD_SORTS.map((s) => <option key={s} value={s}>{t(`coord.sort.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('coord.search.label')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {board.board && groups.every((g) => g.districts.length === 0) && <p role="status">{t('coord.board.none')}</p>}
      {groups.map((g) => (
        <BoardTable
          key={g.code}
          regency={g}
          regencyName={placeLabel(g.code)}
          folded={folded}
          onToggle={toggle}
        />
      ))}
    </section>
    <PeriodForm />
    </>
  );
}

/** The board's totals in words and as one bar, with the bar's legend; the region board's too. */
export function BoardSummary({ totals }: { totals: QuotaBoard['totals'] }) {
  const { t } = useI18n();
  const { num } = useFormat();
  return (
    <div className="board-summary">
      <p>
        {t('coord.board.summary', {
          villages: num(totals.villages), quota: num(totals.quota), accepted: num(totals.accepted),
          waitlisted: num(totals.waitlisted), cards: num(totals.cardsHandedOver),
        })}
      </p>
      <FillBar quota={totals.quota} accepted={totals.accepted} waitlisted={totals.waitlisted} cardsHandedOver={totals.cardsHandedOver} />
      <BarLegend />
    </div>
  );
}

function BarLegend() {
  const { t } = useI18n();
  return (
    <ul className="bar-legend" aria-hidden="true">
      <li><span className="fill-bar__handed" />{t('coord.legend.cards')}</li>
      <li><span className="fill-bar__accepted" />{t('coord.legend.accepted')}</li>
      <li><span className="fill-bar__waitlisted" />{t('coord.legend.waitlisted')}</li>
    </ul>
  );
}

/** When the figures are from, and whether they are the latest: never a silent stale board. */
function BoardStatus() {
  const { t } = useI18n();
  const { time } = useFormat();
  const { board } = useCoordinator();
  return (
    <div className="board-status">
      <p role="status">
        {board.fetchedAt ? t('coord.board.as-of', { time: time(board.fetchedAt) }) : null}
        {board.loading ? ` ${t('coord.loading')}` : null}
      </p>
      {board.error != null && (
        <p role="alert" className="warn-text">
          {t(errorKey(board.error))} {board.board ? t('coord.board.offline-snapshot') : t('coord.board.no-snapshot')}
        </p>
      )}
      <button type="button" className="btn" onClick={() => void board.refresh()} disabled={board.loading}>
        {t('coord.action.refresh')}
      </button>
    </div>
  );
}
