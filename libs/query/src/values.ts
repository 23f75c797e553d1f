import { Literal } from './ast';
import { QueryError, quote } from './errors';

/** Coercion of q values to field types; anything that does not fit is a QueryError at the value's position. */

const NUMBER = /^-?\d{1,30}(\.\d{1,30})?$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/** A number, kept as its decimal text so that no precision is lost; bound as `numeric`. */
export function toNumber(value: Literal, field: string): string {
  if (!NUMBER.test(value.text)) fail(`Invalid number ${quote(value.text)} for field ${quote(field)}`, value, field);
  return value.text;
}

export function toBoolean(value: Literal, field: string): boolean {
  const text = value.text.toLowerCase();
  if (text !== 'true' && text !== 'false') {
    fail(`Invalid boolean ${quote(value.text)} for field ${quote(field)} (expected true or false)`, value, field);
  }
  return text === 'true';
}

export function toEnum(value: Literal, field: string, allowed: readonly string[] = []): string {
  if (allowed.includes(value.text)) return value.text;
  const folded = allowed.find((a) => a.toLowerCase() === value.text.toLowerCase());
  if (folded !== undefined) return folded;
  return fail(
    `Invalid value ${quote(value.text)} for field ${quote(field)} (allowed: ${allowed.join(', ')})`,
    value,
    field,
  );
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO-8601 date or date-time, normalised to `YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)`.
 * A date alone means midnight UTC; a date-time without offset is UTC (never the server's zone).
 */
export function toDatetime(value: Literal, field: string): string {
  const m = DATETIME.exec(value.text);
  const bad = (): never =>
    fail(
      `Invalid date-time ${quote(value.text)} for field ${quote(field)} (expected ISO-8601, e.g. 2021-05-18T07:27:27.455Z)`,
      value,
      field,
    );
  if (!m) return bad();
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth) bad();
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) bad();
  let offset = 'Z';
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = digits.slice(0, 2);
    const om = digits.slice(2) || '00';
    if (Number(oh) > 14 || Number(om) > 59) bad();
    offset = `${zone[0]}${oh}:${om}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function fail(message: string, value: Literal, field: string): never {
  throw new QueryError(message, { field, position: value.position });
}
