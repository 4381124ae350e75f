/**
 * Generated blocks in hand-written files (README.md): the text between a start and an end marker comment is
 * replaced, markers included, and nothing else is touched. A missing or doubled marker is an error rather than a
 * block appended somewhere a reader would not look.
 */
'use strict';

function replaceBetween(text, start, end, block) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0 || to < from) throw new Error(`markers ${start} ... ${end} not found (in that order)`);
  if (text.indexOf(start, from + 1) >= 0 || text.indexOf(end, to + 1) >= 0) throw new Error(`markers ${start} ... ${end} occur twice`);
  if (!block.startsWith(start) || !block.trimEnd().endsWith(end)) throw new Error('the new block must carry its own markers');
  return text.slice(0, from) + block.trimEnd() + text.slice(to + end.length);
}

module.exports = { replaceBetween };
