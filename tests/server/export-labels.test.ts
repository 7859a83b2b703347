import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES, OCCUPATIONS } from '../../src/shared';
import { FUNDING_LABELS, OCCUPATION_LABELS } from '../../src/server/export-labels';
import { EXPORT_COLUMNS } from '../../src/server/routes/exports';
import { enrol } from '../../src/client/i18n/messages/enrol';

describe('export labels', () => {
  it('are the enrolment form’s Indonesian words', () => {
    for (const o of OCCUPATIONS) {
      expect(OCCUPATION_LABELS[o]).toBe(enrol[`enrol.occupation.${o}`]?.id.replace(/…$/, ''));
    }
    for (const f of FUNDING_SOURCES) expect(FUNDING_LABELS[f]).toBe(enrol[`enrol.funding.${f}`]?.id);
  });

  it('replace the columns the XLSX labels', () => {
    expect([EXPORT_COLUMNS[15], EXPORT_COLUMNS[17]]).toEqual(['pekerjaan', 'sumber_iuran']);
  });
});
