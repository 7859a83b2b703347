/**
 * An event's id is made from its date and name, not at random: two phones at the same launch
 * that type the same name and date record their handovers under the same `eventId`.
 */
export function eventIdOf(date: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${date}-${slug || 'acara'}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The phone's local date, `YYYY-MM-DD` (the event's day where it happens, not in UTC). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
