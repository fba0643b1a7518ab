/**
 * Column names that suggest personal data: direct identifiers (name, e-mail, phone, address, …)
 * and sensitive attributes (gender, race, religion, …, the protected characteristics a fairness
 * audit looks at).
 */

export type SensitiveNameKind = 'identifier' | 'sensitiveAttribute' | 'quasiIdentifier';

/** Token sequences (lower case, split on case changes and punctuation) → what they suggest. */
const RULES: [string[], SensitiveNameKind, string][] = [
  [['name'], 'identifier', 'a person’s name'],
  [['first', 'name'], 'identifier', 'a person’s name'],
  [['last', 'name'], 'identifier', 'a person’s name'],
  [['surname'], 'identifier', 'a person’s name'],
  [['fullname'], 'identifier', 'a person’s name'],
  [['firstname'], 'identifier', 'a person’s name'],
  [['lastname'], 'identifier', 'a person’s name'],
  [['email'], 'identifier', 'an e-mail address'],
  [['e', 'mail'], 'identifier', 'an e-mail address'],
  [['mail'], 'identifier', 'an e-mail address'],
  [['phone'], 'identifier', 'a phone number'],
  [['mobile'], 'identifier', 'a phone number'],
  [['telephone'], 'identifier', 'a phone number'],
  [['tel'], 'identifier', 'a phone number'],
  [['ssn'], 'identifier', 'a social security number'],
  [['social', 'security'], 'identifier', 'a social security number'],
  [['national', 'id'], 'identifier', 'a national id'],
  [['passport'], 'identifier', 'a passport number'],
  [['driver', 'license'], 'identifier', 'a driver’s license number'],
  [['tax', 'id'], 'identifier', 'a tax id'],
  [['iban'], 'identifier', 'a bank account'],
  [['account', 'number'], 'identifier', 'an account number'],
  [['credit', 'card'], 'identifier', 'a payment card number'],
  [['card', 'number'], 'identifier', 'a payment card number'],
  [['address'], 'identifier', 'an address'],
  [['street'], 'identifier', 'an address'],
  [['ip'], 'identifier', 'an IP address'],
  [['username'], 'identifier', 'a user name'],
  [['user', 'name'], 'identifier', 'a user name'],
  [['dob'], 'quasiIdentifier', 'a date of birth'],
  [['birth'], 'quasiIdentifier', 'a date of birth'],
  [['birthday'], 'quasiIdentifier', 'a date of birth'],
  [['birthdate'], 'quasiIdentifier', 'a date of birth'],
  [['zip'], 'quasiIdentifier', 'a postal code'],
  [['zipcode'], 'quasiIdentifier', 'a postal code'],
  [['postcode'], 'quasiIdentifier', 'a postal code'],
  [['postal', 'code'], 'quasiIdentifier', 'a postal code'],
  [['age'], 'sensitiveAttribute', 'age'],
  [['gender'], 'sensitiveAttribute', 'gender'],
  [['sex'], 'sensitiveAttribute', 'sex'],
  [['race'], 'sensitiveAttribute', 'race'],
  [['ethnicity'], 'sensitiveAttribute', 'ethnicity'],
  [['ethnic'], 'sensitiveAttribute', 'ethnicity'],
  [['religion'], 'sensitiveAttribute', 'religion'],
  [['religious'], 'sensitiveAttribute', 'religion'],
  [['nationality'], 'sensitiveAttribute', 'nationality'],
  [['marital'], 'sensitiveAttribute', 'marital status'],
  [['disability'], 'sensitiveAttribute', 'disability'],
  [['sexual', 'orientation'], 'sensitiveAttribute', 'sexual orientation'],
  [['pregnant'], 'sensitiveAttribute', 'pregnancy'],
  [['pregnancy'], 'sensitiveAttribute', 'pregnancy'],
  [['health'], 'sensitiveAttribute', 'health'],
  [['diagnosis'], 'sensitiveAttribute', 'health'],
  [['political'], 'sensitiveAttribute', 'political opinion'],
  [['union'], 'sensitiveAttribute', 'trade-union membership'],
];

const PERSON = new Set([
  'customer',
  'client',
  'user',
  'person',
  'patient',
  'employee',
  'contact',
  'member',
  'owner',
  'applicant',
  'student',
  'full',
  'given',
  'family',
  'middle',
  'maiden',
  'holder',
  'cardholder',
  'account',
]);

/** A column name split into lower-case words: `firstName`, `first_name`, `First Name` → ['first', 'name']. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * What a column's name suggests it holds, or undefined.
 *
 * @example
 * matchSensitiveName('customer_email') // { kind: 'identifier', meaning: 'an e-mail address' }
 * matchSensitiveName('Gender')         // { kind: 'sensitiveAttribute', meaning: 'gender' }
 */
export function matchSensitiveName(name: string): { kind: SensitiveNameKind; meaning: string } | undefined {
  const tokens = nameTokens(name);
  let best: [string[], SensitiveNameKind, string] | undefined;
  for (const rule of RULES) {
    const [seq] = rule;
    for (let i = 0; i + seq.length <= tokens.length; i++) {
      // "name" alone, or after a word for a person (customer_name); not file_name or product_name.
      if (seq.length === 1 && seq[0] === 'name' && tokens.length > 1 && !PERSON.has(tokens[i - 1])) continue;
      if (seq.every((t, k) => tokens[i + k] === t) && (!best || seq.length > best[0].length)) best = rule;
    }
  }
  return best && { kind: best[1], meaning: best[2] };
}
