const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** What the income input shows: `1.000.000`, the way rupiah are written. */
export function formatIncome(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : rupiah.format(value);
}

/** Digits only, whatever separators were typed; the form holds an integer (or null). */
export function parseIncome(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits ? Number(digits) : null;
}
