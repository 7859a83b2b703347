import { createElement, Fragment, useEffect, useState } from 'react';
import { db, findCachedVillage, type Rejection } from '../../db';
import { useI18n } from '../../i18n';
import { rejectionText } from './rejection-text';

/** The other village of a duplicate NIK, when the refusal names one. */
function otherVillage(rejection: Rejection | null | undefined): string | null {
  if (rejection?.code !== 'duplicate-nik') return null;
  const d = rejection.details as { villageCode?: unknown } | undefined;
  return typeof d?.villageCode === 'string' ? d.villageCode : null;
}

/**
 * rejectionText, with a duplicate NIK's village named ("Nagri Kidul, Kec. Purwakarta") from the
 * place file this phone keeps; its code until then, or when the file is not on the phone.
 */
export function useRejectionText(rejection: Rejection | null | undefined): string {
  const { t } = useI18n();
  const code = otherVillage(rejection);
  const [named, setNamed] = useState<{ code: string; label: string } | null>(null);
  useEffect(() => {
    if (!code) return;
    let alive = true;
    findCachedVillage(db, code).then(
      (v) => alive && v && setNamed({ code, label: t('rejection.village', { name: v.name, district: v.district.name }) }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [code, t]);
  if (!rejection) return '';
  return rejectionText(t, rejection, named?.code === code ? named.label : undefined);
}

/** The refusal in words, as an element (for lists that render rows from a function). */
export function RejectionReason({ rejection }: { rejection: Rejection }) {
  return createElement(Fragment, null, useRejectionText(rejection));
}
