// Dates and numbers have one home, src/client/pwa/format.ts; the coordinator's screens import
// it from here as they always did.
export { makeFormat, useFormat, type Format } from '../../pwa/format';

/** `ABCDEFGHJK` -> `ABCD-EFGH-JK`: short codes are read aloud and typed in groups. */
export function groupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase().match(/.{1,4}/g)?.join('-') ?? code;
}
