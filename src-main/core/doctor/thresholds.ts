/**
 * The judgement calls behind the doctor's warnings, each with the reason for its value. Genesys
 * publishes the valid ranges; these are the points past which a valid setting is still a bad idea.
 */

/**
 * LIFE_TOO_LONG above this many minutes. GAX mints a fresh token for every login and uses it at
 * once, so a long life serves only someone who copied a token. 60 min is the longest life in
 * Genesys's own token-ttl example ("a token valid from 12:00 to 1:00"); past it a leaked token is a
 * password for longer than any example Genesys gives.
 */
export const LIFE_MAX_MINUTES = 60;

/**
 * TOLERANCE_TOO_LARGE above this many seconds. Tolerance keeps an expired token acceptable that
 * long after its expiry. Kerberos faces the same trade-off (clock skew against replay) and allows
 * 5 minutes by default; hosts kept on NTP stay far inside it, so more only hides a broken clock.
 */
export const TOLERANCE_MAX_SECONDS = 300;

/**
 * TOLERANCE_TOO_SMALL below this many seconds (when set explicitly; unset or 0 means 60). A
 * free-running quartz clock drifts up to about 50 ppm — 4.3 s a day — so two hosts whose NTP sync
 * has failed drift apart by up to ~9 s a day; 30 s (half the Genesys default) survives a few days
 * of that, a smaller value turns a routine lapse into refused logins.
 */
export const TOLERANCE_MIN_SECONDS = 30;

/**
 * PREAMBLE_AMBIGUOUS below this many characters. The CS takes any Password that starts with the
 * preamble for a token; one printable character starts about 1 password in 94 by chance, two about
 * 1 in 9 000; three or more (like the default `{PXZ}`, five) make an accidental match negligible.
 */
export const PREAMBLE_MIN_LENGTH = 3;

/**
 * PREAMBLE_AMBIGUOUS when a common password begins with the preamble (compared without case):
 * beginnings of the passwords that top every published leaked-password list. People choose
 * passwords from words and digits, so a preamble of letters and digits only is flagged as well.
 */
export const COMMON_PASSWORD_BEGINNINGS: readonly string[] = [
  'password',
  'passw0rd',
  'p@ssword',
  'p@ssw0rd',
  'pa$$word',
  'welcome',
  'admin',
  'qwerty',
  'letmein',
  'changeme',
  'secret',
  'default',
  'abc123',
  '123456',
  '!@#$%^&*',
];
