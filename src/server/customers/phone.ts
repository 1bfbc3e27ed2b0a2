import { type CountryCode, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

export const isCountry = (code: string | null | undefined): code is CountryCode => typeof code === 'string' && isSupportedCountry(code);

/**
 * The form phone numbers are matched in: E.164 (+6281234567890) when libphonenumber can read the
 * number — with its country code, or in the workspace's country (0812 3456 7890 in ID) —, else
 * its digits (with the + if it had one), so nothing typed is ever lost to a failed parse.
 */
export function normalizePhone(phone: string, country?: string | null): string {
  const parsed = parsePhoneNumberFromString(phone, isCountry(country) ? country : undefined);
  if (parsed?.isPossible()) return parsed.number;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/**
 * A phone search as it is typed, in the form numbers are stored in: digits (and * wildcards)
 * only, and, in a workspace with a country, a national number's trunk 0 read as that country's
 * code (0812* finds +62812…). Null when the term has fewer than two digits.
 */
export function phoneSearchTerm(input: string, country?: string | null): string | null {
  const term = input.trim();
  if ((term.match(/\d/g) ?? []).length < 2) return null;
  const compact = term.replace(/[^\d+*]/g, '');
  if (compact.startsWith('0') && isCountry(country)) return `+${getCountryCallingCode(country)}${compact.slice(1)}`;
  return compact;
}
