/**
 * A broken pair to try the doctor with, as a field engineer would export it: the CS's options from
 * Windows (byte order mark, CRLF) with token authentication never enabled and a misspelt token-ttl,
 * and GAX's options already switched to tokens. The classic "GAX cannot log in after the change".
 */
export const EXAMPLE_FILES: readonly { name: string; text: string }[] = [
  {
    name: 'example-confserv.cfg',
    text: '\uFEFF[confserv]\r\nport=2020\r\nserver=dbserver\r\n\r\n[system]\r\ntoken-preambula={GAX}\r\ntoken-tolerance=60\r\ntoken_ttl=30\r\n',
  },
  {
    name: 'example-gax.cfg',
    text: '[general]\nconfserv_trusted=true\ntoken_life_in_minutes=20\n',
  },
];
