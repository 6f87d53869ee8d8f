import type { Migration } from '../../../db/migrations/migration';

// Frozen copy of LOOSE_LETTERS (src-shared/domain/person.ts) as it was when this step was
// written: a migration must do the same thing forever, whatever the app's folding becomes.
const LOOSE = [
  ['ң', 'н'], ['ө', 'о'], ['ү', 'у'],
  ['a', 'а'], ['b', 'в'], ['c', 'с'], ['e', 'е'], ['h', 'н'], ['k', 'к'], ['m', 'м'], ['o', 'о'], ['p', 'р'], ['t', 'т'], ['x', 'х'], ['y', 'у'],
];
const loose = LOOSE.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, 'search_text');

/**
 * Search that finds "Жеңиш" for "жениш" (issue 12, item 13): the stored search text becomes
 * the loose fold, a mark, then the text as it was (studentSearchText). The old text is already
 * lower-case and NFC, so SQL's replace() gives what looseFold gives. A device's own index, so
 * capture is switched off meanwhile: 40,000 students must not become 40,000 changes to send.
 */
export const m0013LooseSearchText: Migration = {
  version: 13,
  name: 'loose-search-text',
  up: `
CREATE TEMP TABLE m0013_capture AS SELECT capture FROM sync_control WHERE id = 1;
UPDATE sync_control SET capture = 0 WHERE id = 1;
UPDATE student SET search_text = ${loose} || char(1) || search_text WHERE instr(search_text, char(1)) = 0;
UPDATE sync_control SET capture = (SELECT capture FROM m0013_capture) WHERE id = 1;
DROP TABLE m0013_capture;
`,
};
