import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, setMeta } from '../../../src/client/db';
import { EnrolScreen } from '../../../src/client/features/enrol';
import { VILLAGE } from '../db/helpers';
import { byName, freshPhone, renderScreen } from './support';

// The form used to start with one month of cover; the programme's period (Blitar: March to
// December) comes with the pull and is the form's start now.

describe('enrolment form and the programme period', () => {
  beforeEach(async () => {
    await freshPhone();
    await setMeta(db, 'villageCode', VILLAGE);
  });

  it('starts from the period the phone received', async () => {
    const year = new Date().getFullYear() + 1; // a period not yet started: shown whole
    await setMeta(db, 'coveragePeriod', { scope: '32.14', start: `${year}-03`, end: `${year}-12` });
    const { container } = renderScreen(<EnrolScreen />);
    await waitFor(() => expect(byName(container, 'coverageStart').value).toBe(`${year}-03`));
    expect(byName(container, 'coverageEnd').value).toBe(`${year}-12`);
  });
});
