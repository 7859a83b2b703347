import type { Card, Receiver } from '../../../shared/protocol';
import { hasMessage, registerMessages, type TFunction } from '../../i18n';
import { coordinator } from '../../i18n/messages/coordinator';
import type { Format } from './format';

registerMessages(coordinator);

// How a handed-over card reads, the same on the board's village page and at the event table.

export function relationshipText(t: TFunction, relationship: string): string {
  const key = `coord.relationship.${relationship}`;
  return hasMessage(key) ? t(key) : relationship;
}

export function receiverText(t: TFunction, receiver: Receiver): string {
  if (receiver.kind === 'self') return t('coord.receiver.self');
  return t('coord.receiver.representative', {
    name: receiver.name,
    relationship: relationshipText(t, receiver.relationship),
  });
}

/** "12 Mar 2025 10.15 to the worker, by Operator Tanjungsari". Unknown parts are left out. */
export function cardText(t: TFunction, fmt: Format, card: Partial<Card>): string {
  const parts = [
    card.handedAt ? fmt.time(card.handedAt) : null,
    card.receiver ? receiverText(t, card.receiver) : null,
    card.operator ? t('coord.card.by', { operator: card.operator }) : null,
  ];
  return parts.filter(Boolean).join(', ');
}
