import { describe, expect, it } from 'vitest';
import { groupBoard, matchesFilter, sumFigures, type BoardView } from '../../../src/client/features/coordinator/board-model';
import { boardFixture } from './helpers';

const view = (patch: Partial<BoardView> = {}): BoardView => ({ filter: 'all', sort: 'name', text: '', ...patch });
const names = (groups: ReturnType<typeof groupBoard>) =>
  groups.flatMap((g) => g.districts.map((d) => `${d.name}: ${d.villages.map((v) => v.name).join(', ')}`));

describe('groupBoard', () => {
  it('groups villages by district, with hand-computed subtotals and the regency total', () => {
    const [regency, ...rest] = groupBoard(boardFixture(), view());
    expect(rest).toHaveLength(0);
    expect(regency?.code).toBe('32.14');
    expect(regency?.districts.map((d) => [d.code, d.name])).toEqual([
      ['32.14.16', 'Pondoksalam'],
      ['32.14.01', 'Purwakarta'],
    ]);
    expect(regency?.districts[0]?.subtotal).toEqual({
      villages: 3, quota: 320, accepted: 160, waitlisted: 7, cardsHandedOver: 50, cardsPending: 110,
    });
    expect(regency?.districts[1]?.subtotal).toEqual({
      villages: 2, quota: 180, accepted: 85, waitlisted: 0, cardsHandedOver: 80, cardsPending: 5,
    });
    expect(regency?.total).toEqual({
      villages: 5, quota: 500, accepted: 245, waitlisted: 7, cardsHandedOver: 130, cardsPending: 115,
    });
  });

  it('agrees with the server totals', () => {
    const board = boardFixture();
    const { cardsPending: _, ...sum } = sumFigures(board.villages);
    expect(sum).toEqual(board.totals);
  });

  it('filters: not started, full, with a waitlist; subtotals stay those of the whole district', () => {
    const board = boardFixture();
    expect(names(groupBoard(board, view({ filter: 'not-started' })))).toEqual(['Pondoksalam: Gurudug']);
    expect(names(groupBoard(board, view({ filter: 'full' })))).toEqual(['Pondoksalam: Tanjungsari', 'Purwakarta: Nagri Kaler']);
    const waitlist = groupBoard(board, view({ filter: 'waitlist' }));
    expect(names(waitlist)).toEqual(['Pondoksalam: Tanjungsari']);
    expect(waitlist[0]?.districts[0]?.subtotal.quota).toBe(320);
  });

  it('sorts villages inside each district', () => {
    const board = boardFixture();
    expect(names(groupBoard(board, view()))[0]).toBe('Pondoksalam: Bungurjaya, Gurudug, Tanjungsari');
    expect(names(groupBoard(board, view({ sort: 'fill' })))[0]).toBe('Pondoksalam: Tanjungsari, Bungurjaya, Gurudug');
    expect(names(groupBoard(board, view({ sort: 'cards-pending' })))[1]).toBe('Purwakarta: Nagri Tengah, Nagri Kaler');
    expect(names(groupBoard(board, view({ sort: 'waitlisted' })))[0]).toBe('Pondoksalam: Tanjungsari, Bungurjaya, Gurudug');
  });

  it('finds by village or district name, any case', () => {
    const board = boardFixture();
    expect(names(groupBoard(board, view({ text: 'NAGRI' })))).toEqual(['Purwakarta: Nagri Kaler, Nagri Tengah']);
    expect(names(groupBoard(board, view({ text: 'pondok' })))).toEqual(['Pondoksalam: Bungurjaya, Gurudug, Tanjungsari']);
    expect(names(groupBoard(board, view({ text: 'zzz' })))).toEqual([]);
  });

  it('a quota of 0 with nobody in it is neither full nor started', () => {
    const v = { villageCode: '32.14.16.2010', name: 'X', district: 'D', quota: 0, accepted: 0, waitlisted: 0, cardsHandedOver: 0 };
    expect(matchesFilter(v, 'full')).toBe(false);
    expect(matchesFilter(v, 'not-started')).toBe(true);
  });
});
