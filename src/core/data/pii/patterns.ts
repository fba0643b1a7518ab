/** Detectors for personal data in values: each says whether one text value holds that kind. */

export type PIIValueKind = 'email' | 'phone' | 'ssn' | 'creditCard' | 'ipAddress' | 'nationalId';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const SSN = /(?:^|[^\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/;
const IPV4 = /(?:^|[^\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
/** IPv6: eight groups, or fewer around one `::` (so times like 10:20:30 do not match). */
const IPV6 = /(?:^|[^0-9A-Fa-f:])((?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}|::(?:ffff:)?\d{1,3}(?:\.\d{1,3}){3})(?![0-9A-Fa-f:])/;
/** Card-like: 13–19 digits, optionally in groups separated by spaces or dashes. */
const CARD = /(?:^|\D)(\d(?:[ -]?\d){12,18})(?!\d)/;
/** Phone-like: an optional +country code, then 7–15 digits with separators or brackets. */
const PHONE = /(?:^|[^\w+])(\+?\d{1,3}[ .-]?)?(\(\d{1,4}\)[ .-]?|\d{1,4}[ .-])\d{2,4}[ .-]?\d{2,4}(?:[ .-]?\d{1,4})?(?![\w])/;
const E164 = /^\+\d{8,15}$/;
/** A value that is nothing but 9–18 digits: tax numbers, national ids, account numbers. */
const LONG_DIGITS = /^\d{9,18}$/;

/** Whether `digits` passes the Luhn checksum used by payment cards. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isCard(v: string): boolean {
  const m = CARD.exec(v);
  if (!m) return false;
  const digits = m[1].replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && luhn(digits);
}

function isSsn(v: string): boolean {
  const m = SSN.exec(v);
  if (!m) return false;
  const [area, group, serial] = [m[1], m[2], m[3]];
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

function isIp(v: string): boolean {
  const m = IPV4.exec(v);
  if (m && [m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255)) return true;
  return IPV6.test(v);
}

function isPhone(v: string): boolean {
  if (E164.test(v.trim())) return true;
  // Decimals and SSN-shaped ids (3-2-4 digits) are not phone numbers.
  if (/^\s*[+-]?\d*\.\d+\s*$/.test(v) || SSN.test(v)) return false;
  const m = PHONE.exec(v);
  if (!m) return false;
  const digits = m[0].replace(/\D/g, '');
  // Dates (2024-03-05) and decimals look like short numbers with separators; phones have 7–15 digits.
  return digits.length >= 7 && digits.length <= 15 && !/^\s*\d{4}-\d{2}-\d{2}/.test(v);
}

/**
 * The kinds of personal data one value looks like (usually none). Numbers are checked as their
 * digits, so a column of card numbers stored as numbers is still found.
 *
 * @example
 * detectPII('mail me at ana@example.org') // ['email']
 * detectPII('4111 1111 1111 1111')        // ['creditCard']
 */
export function detectPII(value: string): PIIValueKind[] {
  const kinds: PIIValueKind[] = [];
  if (value.length < 7 || value.length > 2000) return kinds;
  if (EMAIL.test(value)) kinds.push('email');
  if (isSsn(value)) kinds.push('ssn');
  const card = isCard(value);
  if (card) kinds.push('creditCard');
  if (isIp(value)) kinds.push('ipAddress');
  else if (!card && !kinds.includes('ssn') && isPhone(value)) kinds.push('phone');
  if (!card && LONG_DIGITS.test(value.trim())) kinds.push('nationalId');
  return kinds;
}

/**
 * A value with its middle hidden, so a report can show what matched without showing the data:
 * letters and digits become • except the first and last two characters (and the @ of an e-mail).
 *
 * @example
 * maskValue('ana.lopez@example.org') // 'an•••••••@•••••••••rg'
 */
export function maskValue(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const keep = v.length <= 6 ? 1 : 2;
  return Array.from(v, (ch, i) => (i < keep || i >= v.length - keep || !/[A-Za-z0-9]/.test(ch) ? ch : '•')).join('');
}
