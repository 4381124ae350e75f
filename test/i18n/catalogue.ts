/** The translation catalogue: every literal passed to t(), tn() or N_() in src/. */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}i18n${path.sep}ru`) ? [full] : [];
  });
}

const STRING = String.raw`(['"])((?:\\.|(?!\1).)*)\1`;
const unescape = (text: string) => text.replace(/\\(['"\\])/g, '$1');

export interface Entry {
  msgid: string;
  plural?: string;
}

export function catalogue(): Entry[] {
  const entries = new Map<string, Entry>();
  files(SRC).forEach(file => {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(new RegExp(String.raw`\b(?:t|N_)\(\s*${STRING}`, 'gs'))) {
      const msgid = unescape(m[2]);
      if (!entries.has(msgid)) entries.set(msgid, { msgid });
    }
    for (const m of source.matchAll(
      new RegExp(String.raw`\btn\(\s*${STRING}\s*,\s*(['"])((?:\\.|(?!\3).)*)\3`, 'gs'),
    )) {
      entries.set(unescape(m[2]), { msgid: unescape(m[2]), plural: unescape(m[4]) });
    }
  });
  return Array.from(entries.values());
}
