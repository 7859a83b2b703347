import { useI18n } from '../../i18n';
import type { CoordinatorVillage } from '../../../shared/protocol';
import { cardsPending, type Figures, type RegencyGroup } from './board-model';
import { FillBar } from './fill-bar';
import { useFormat } from './format';
import { followLink, villageHref } from './paths';
import { TableScroll } from './table-scroll';

export interface BoardTableProps {
  regency: RegencyGroup;
  regencyName: string;
  /** District codes whose village rows are hidden (large scopes start folded). */
  folded: ReadonlySet<string>;
  onToggle: (districtCode: string) => void;
}

/** `data-label`: the column's name, shown before the figure when a row reads as a card (phone). */
function FigureCells({ f }: { f: Omit<Figures, 'villages'> }) {
  const { t } = useI18n();
  const { num } = useFormat();
  return (
    <>
      <td className="num" data-label={t('coord.col.quota')}>{num(f.quota)}</td>
      <td className="num" data-label={t('coord.col.accepted')}>{num(f.accepted)}</td>
      <td className="num" data-label={t('coord.col.waitlisted')}>{num(f.waitlisted)}</td>
      <td className="num" data-label={t('coord.col.cards')}>{num(f.cardsHandedOver)}</td>
      <td className="num" data-label={t('coord.col.cards-pending')}>{num(f.cardsPending)}</td>
      <td className="bar-cell">
        <FillBar quota={f.quota} accepted={f.accepted} waitlisted={f.waitlisted} cardsHandedOver={f.cardsHandedOver} />
      </td>
    </>
  );
}

function VillageRow({ v }: { v: CoordinatorVillage }) {
  return (
    <tr>
      <th scope="row">
        <a href={villageHref(v.villageCode)} onClick={followLink}>{v.name}</a>
        <span className="code">{v.villageCode}</span>
      </th>
      <FigureCells f={{ ...v, cardsPending: cardsPending(v) }} />
    </tr>
  );
}

/** One regency: a row group per district (subtotal first), the regency's total at the foot. */
export function BoardTable({ regency, regencyName, folded, onToggle }: BoardTableProps) {
  const { t } = useI18n();
  const { num } = useFormat();
  const caption = regencyName;
  return (
    <TableScroll label={caption}>
    <table className="board-table card-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('coord.col.village')}</th>
          <th scope="col">{t('coord.col.quota')}</th>
          <th scope="col">{t('coord.col.accepted')}</th>
          <th scope="col">{t('coord.col.waitlisted')}</th>
          <th scope="col">{t('coord.col.cards')}</th>
          <th scope="col">{t('coord.col.cards-pending')}</th>
          <th scope="col"><span className="sr-only">{t('coord.col.bar')}</span></th>
        </tr>
      </thead>
      {regency.districts.map((d) => {
        const isFolded = folded.has(d.code);
        return (
          <tbody key={d.code} data-district={d.code}>
            <tr className="subtotal">
              <th scope="rowgroup">
                <button type="button" aria-expanded={!isFolded} onClick={() => onToggle(d.code)}>
                  {t('coord.board.district', { name: d.name })}
                </button>
                <span className="code">
                  {t('coord.board.villages-shown', { shown: num(d.villages.length), all: num(d.subtotal.villages) })}
                </span>
              </th>
              <FigureCells f={d.subtotal} />
            </tr>
            {!isFolded && d.villages.map((v) => <VillageRow key={v.villageCode} v={v} />)}
          </tbody>
        );
      })}
      <tfoot>
        <tr className="total">
          <th scope="row">{t('coord.board.regency-total', { villages: num(regency.total.villages) })}</th>
          <FigureCells f={regency.total} />
        </tr>
      </tfoot>
    </table>
    </TableScroll>
  );
}
