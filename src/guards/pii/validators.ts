/**
 * Check-digit and structure validators for structured identifiers. Each takes the compact value
 * (separators removed by the caller unless stated) and answers whether it is plausible.
 */

import { isIPv4, isIPv6 } from 'node:net';

/** Luhn mod-10 check (ISO/IEC 7812-1, annex B). `digits` must contain only ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface CardRange {
  readonly lo: number;
  readonly hi: number;
  /** Number of leading digits compared against lo..hi. */
  readonly width: number;
  readonly lengths: readonly number[];
}

const range = (lo: number, hi: number, lengths: readonly number[]): CardRange => ({
  lo,
  hi,
  width: String(lo).length,
  lengths,
});
const L12_19 = [12, 13, 14, 15, 16, 17, 18, 19];
const L16_19 = [16, 17, 18, 19];

/**
 * Issuer identification number ranges and PAN lengths of the major schemes (ISO/IEC 7812 IINs as
 * published by the schemes). Overlaps are harmless: a PAN only has to fit one of them.
 */
const CARD_RANGES: readonly CardRange[] = [
  range(4, 4, [13, 16, 19]), // Visa
  range(51, 55, [16]), // Mastercard
  range(2221, 2720, [16]), // Mastercard 2-series
  range(34, 34, [15]), // American Express
  range(37, 37, [15]),
  range(300, 305, [14, 15, 16, 17, 18, 19]), // Diners Club International
  range(36, 36, [14, 15, 16, 17, 18, 19]),
  range(38, 39, [14, 15, 16, 17, 18, 19]),
  range(309, 309, [14, 15, 16, 17, 18, 19]),
  range(6011, 6011, L16_19), // Discover
  range(644, 649, L16_19),
  range(65, 65, L16_19),
  range(622126, 622925, L16_19),
  // JCB owns 3528-3589; the rest of 35 is unassigned, and test generators use all of it.
  range(35, 35, L16_19), // JCB
  range(1800, 1800, [15]), // JCB legacy 15-digit
  range(2131, 2131, [15]),
  range(62, 62, L16_19), // UnionPay
  range(81, 81, L16_19),
  range(2200, 2204, L16_19), // Mir
  range(50, 50, L12_19), // Maestro
  range(56, 69, L12_19),
  range(604, 604, L12_19), // Maestro legacy IIN 0604 (leading zero kept in width 4)
  range(60, 60, L16_19), // RuPay
  range(508, 508, L16_19),
  range(1, 1, [15]), // UATP
];

/** True when `digits` is a PAN of a known scheme (prefix and length) that passes Luhn. */
export function creditCardValid(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19 || !luhnValid(digits)) return false;
  if (/^0+$/.test(digits)) return false;
  for (const r of CARD_RANGES) {
    if (!r.lengths.includes(digits.length)) continue;
    // The legacy 0604 Maestro range starts with a zero; compare it on four characters.
    const prefix = r.lo === 604 ? Number(digits.slice(0, 4)) : Number(digits.slice(0, r.width));
    if (r.lo === 604 && digits[0] !== '0') continue;
    if (prefix >= r.lo && prefix <= r.hi) return true;
  }
  return false;
}

/** IBAN lengths per country (ISO 13616 registry, SWIFT release 2024). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Expected IBAN length for a country code, if the country uses IBANs. */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country.toUpperCase()];
}

/**
 * ISO 13616 IBAN check: known country, registered length, and ISO 7064 MOD 97-10 over the
 * rearranged value equals 1. `iban` must be compact (no spaces); case-insensitive.
 */
export function ibanValid(iban: string): boolean {
  const v = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(v)) return false;
  if (IBAN_LENGTHS[v.slice(0, 2)] !== v.length) return false;
  const rearranged = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const val = c >= 65 ? c - 55 : c - 48;
    rem = val >= 10 ? (rem * 100 + val) % 97 : (rem * 10 + val) % 97;
  }
  return rem === 1;
}

/** Numbers the SSA has publicly voided (advertising samples) and must never be accepted. */
const SSN_VOID = new Set(['078051120', '219099999', '123456789', '111111111', '333333333']);

/**
 * US Social Security Number structure (SSA Program Operations Manual RM 10201.035 and the 2011
 * randomisation): area not 000, 666 or 900-999; group not 00; serial not 0000.
 */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || SSN_VOID.has(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  // All-same digits are test data far more often than real numbers.
  return !/^(\d)\1{8}$/.test(digits);
}

/** Dotted-quad IPv4 without leading zeros (RFC 791 text form as accepted by `inet_pton`). */
export function ipv4Valid(value: string): boolean {
  return isIPv4(value);
}

/** IPv6 text form (RFC 4291 section 2.2, RFC 5952), optionally with an embedded IPv4 tail. */
export function ipv6Valid(value: string): boolean {
  return isIPv6(value);
}

/**
 * UK National Insurance number (HMRC NIM39110): two prefix letters (D, F, I, Q, U, V never used;
 * O never second; BG, GB, KN, NK, NT, TN, ZZ never allocated), six digits, suffix A-D.
 */
export function ukNinoValid(compact: string): boolean {
  const v = compact.toUpperCase();
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(v)) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(v.slice(0, 2));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (NIF of nationals): 8 digits and the control letter of (number mod 23) (RD 1553/2005). */
export function esDniValid(compact: string): boolean {
  const v = compact.toUpperCase();
  if (!/^\d{8}[A-Z]$/.test(v)) return false;
  return DNI_LETTERS[Number(v.slice(0, 8)) % 23] === v[8];
}

/** Spanish NIE (foreigners): X/Y/Z (read as 0/1/2), 7 digits, control letter as for the DNI. */
export function esNieValid(compact: string): boolean {
  const v = compact.toUpperCase();
  if (!/^[XYZ]\d{7}[A-Z]$/.test(v)) return false;
  const lead = 'XYZ'.indexOf(v[0] ?? '');
  return DNI_LETTERS[Number(`${lead}${v.slice(1, 8)}`) % 23] === v[8];
}

const CF_ODD: Readonly<Record<string, number>> = (() => {
  const table = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  const out: Record<string, number> = {};
  for (let i = 0; i < 26; i++) {
    const v = table[i] ?? 0;
    out[String.fromCharCode(65 + i)] = v;
    if (i < 10) out[String(i)] = v;
  }
  return out;
})();

/**
 * Italian codice fiscale (DM 23/12/1976): 16 characters, check character from the odd/even
 * position tables. Omocodia substitutions (digits replaced by letters LMNPQRSTUV) are accepted.
 */
export function itFiscalCodeValid(compact: string): boolean {
  const v = compact.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v[i] ?? '';
    if (i % 2 === 0) sum += CF_ODD[c] ?? 0;
    else sum += c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

/**
 * German tax identification number (Steuerliche Identifikationsnummer, §139b AO): 11 digits, no
 * leading zero, in the first ten digits exactly one digit repeated (twice or thrice) and
 * check digit by ISO/IEC 7064 MOD 11,10.
 */
export function deTaxIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]! += 1;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === digits.charCodeAt(10) - 48;
}

/** ICAO Doc 9303 part 3 check digit (weights 7, 3, 1; `<` = 0, A-Z = 10-35). */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const v = c === 60 ? 0 : c >= 65 ? c - 55 : c - 48;
    sum += v * (weights[i % 3] ?? 1);
  }
  return sum % 10;
}

/**
 * Second line of a passport machine-readable zone (TD3, ICAO 9303 part 4): document number,
 * birth date, expiry date and the composite check digit must all verify.
 */
export function passportMrzLineValid(line: string): boolean {
  if (!/^[A-Z0-9<]{9}\d[A-Z<]{3}\d{6}\d[MFX<]\d{6}\d[A-Z0-9<]{14}[0-9<]\d$/.test(line)) return false;
  const digit = (i: number): number => line.charCodeAt(i) - 48;
  if (mrzCheckDigit(line.slice(0, 9)) !== digit(9)) return false;
  if (mrzCheckDigit(line.slice(13, 19)) !== digit(19)) return false;
  if (mrzCheckDigit(line.slice(21, 27)) !== digit(27)) return false;
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  return mrzCheckDigit(composite) === digit(43);
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date that exists (year 1000-2999 so that arbitrary numbers are not taken for dates). */
export function dateValid(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}
