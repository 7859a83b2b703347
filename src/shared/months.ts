// `YYYY-MM` months without zod: the phone's storage checks them at load, before any schema.
export const YEAR_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
