/**
 * The fonts every PDF embeds. DejaVu (resources/fonts, from the npm package dejavu-fonts-ttf
 * 2.37.3, licence in resources/fonts/LICENSE) has the Kyrgyz letters ң ө ү Ң Ө Ү and the
 * Kazakh ones (ұ қ ғ ә і) that appear in names — DOMAIN.md §8 requires embedded fonts that
 * carry them. The folder is found at run time, because the same code runs from source
 * (vitest), from an esbuild bundle in dist/<x>/*.cjs and from a packaged app.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Font families a document definition may name. */
export const FONT_SERIF = 'DejaVuSerif';
export const FONT_SANS = 'DejaVuSans';

const FILES = {
  [FONT_SERIF]: {
    normal: 'DejaVuSerif.ttf',
    bold: 'DejaVuSerif-Bold.ttf',
    italics: 'DejaVuSerif-Italic.ttf',
    bolditalics: 'DejaVuSerif-BoldItalic.ttf',
  },
  // Sans only for marks (draft, cancelled); no italics, so asking for them fails loudly
  [FONT_SANS]: { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
} as const;

/** A file that must be in the folder for it to count as the fonts folder. */
const MARKER = FILES[FONT_SERIF].normal;

export type FontFiles = Record<string, { normal: string; bold?: string; italics?: string; bolditalics?: string }>;

function candidates(): { dir: string; explicit: boolean }[] {
  const out: { dir: string; explicit: boolean }[] = [];
  // IT (or a test) can point at another copy; when set, it is the only place we look
  const override = process.env.UNIDESK_RESOURCES_DIR;
  if (override) return [{ dir: path.resolve(override, 'fonts'), explicit: true }];
  // packaged Electron app: electron-builder's extraResources copies resources/fonts → <resources>/fonts
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) out.push({ dir: path.join(resourcesPath, 'fonts'), explicit: false });
  // source (src-main/documents/pdf) and bundles (dist/<x>/) sit at different depths below the repo
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    out.push({ dir: path.join(dir, 'resources', 'fonts'), explicit: false });
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  out.push({ dir: path.join(process.cwd(), 'resources', 'fonts'), explicit: false });
  return out;
}

let cached: { override: string; dir: string } | null = null;

/** The folder holding the .ttf files; throws naming every folder it tried. */
export function fontsDir(): string {
  const override = process.env.UNIDESK_RESOURCES_DIR ?? '';
  if (cached?.override === override) return cached.dir;
  const tried = candidates();
  const found = tried.find(({ dir }) => fs.existsSync(path.join(dir, MARKER)));
  if (found) {
    cached = { override, dir: found.dir };
    return found.dir;
  }
  const hint = tried[0]?.explicit ? ' (UNIDESK_RESOURCES_DIR is set: it must contain fonts/)' : '';
  const folders = [...new Set(tried.map((t) => t.dir))].join(', ');
  throw new Error(`UniDesk cannot print: the document fonts (${MARKER}) were not found${hint}. Folders tried: ${folders}`);
}

/** Absolute paths of every font file, for pdfmake's font dictionary. */
export function fontFiles(dir: string = fontsDir()): FontFiles {
  const out: FontFiles = {};
  for (const [family, styles] of Object.entries(FILES)) {
    const entry: FontFiles[string] = { normal: path.join(dir, styles.normal) };
    for (const [style, file] of Object.entries(styles)) {
      const full = path.join(dir, file);
      // fail here, with the file name, rather than deep inside pdfkit on the first render
      if (!fs.existsSync(full)) throw new Error(`UniDesk cannot print: the font file ${full} is missing.`);
      entry[style as keyof FontFiles[string]] = full;
    }
    out[family] = entry;
  }
  return out;
}
