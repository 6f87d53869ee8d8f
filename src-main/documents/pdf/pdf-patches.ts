/**
 * The speed patches of pdfmake/pdfkit/fontkit (see docs/architecture.md, "Documents") reach
 * into those libraries' private internals, so they are installed only on the exact versions
 * they were written and checked against. On any other version — or with
 * UNIDESK_PDF_PATCHES=off — documents are rendered by the libraries as they are (slower, never
 * wrong), and the reason is logged once. The golden test (pdf-golden.test.ts) proves that the
 * patched and unpatched renderers print the same pixels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { installContentBuffer } from './pdf-content-buffer';
import { installFontCache } from './pdf-font-cache';
import { installMeasureCache } from './pdf-measure-cache';
import { installRuleJoining } from './pdf-rules';
import { installStreamCompression } from './pdf-stream-compression';
import { installStyleLookup } from './pdf-style-lookup';
import { installTextRuns } from './pdf-text-runs';

/** The versions every patch was written for; package.json pins the same, exactly. */
export const PATCHED_FOR = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;
export type PdfLibrary = keyof typeof PATCHED_FOR;
export type PdfLibraryVersions = Record<PdfLibrary, string | null>;

// Replaced at bundle time by esbuild's `define` (the versions bundled); tests read node_modules.
declare const __UNIDESK_PDF_LIBS__: PdfLibraryVersions | undefined;

function versionInNodeModules(name: PdfLibrary): string | null {
  // fontkit does not export its package.json, so it is found on disk from where Node resolves it
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? null;
      }
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  } catch {
    return null;
  }
}

/** The versions in use: those bundled into this build, or those in node_modules. */
export function installedPdfLibraries(): PdfLibraryVersions {
  if (typeof __UNIDESK_PDF_LIBS__ !== 'undefined') return __UNIDESK_PDF_LIBS__;
  return { pdfmake: versionInNodeModules('pdfmake'), pdfkit: versionInNodeModules('pdfkit'), fontkit: versionInNodeModules('fontkit') };
}

export interface PdfPatchPlan {
  patched: boolean;
  /** why the patches are off when they should have been on; null when all is as expected */
  warning: string | null;
}

/** Whether to patch, given the environment and the versions in use (pure, for the tests). */
export function pdfPatchPlan(env: NodeJS.ProcessEnv, installed: PdfLibraryVersions): PdfPatchPlan {
  if (/^(off|0|false|no)$/i.test(env.UNIDESK_PDF_PATCHES?.trim() ?? '')) return { patched: false, warning: null };
  const mismatched = (Object.keys(PATCHED_FOR) as PdfLibrary[]).filter((lib) => installed[lib] !== PATCHED_FOR[lib]);
  if (mismatched.length === 0) return { patched: true, warning: null };
  const found = mismatched.map((lib) => `${lib} ${installed[lib] ?? 'not found'} (patches written for ${PATCHED_FOR[lib]})`).join(', ');
  return {
    patched: false,
    warning: `PDF speed patches are off: ${found}. Documents are printed by the libraries unpatched — correct, but slower. Pin the versions in package.json or check the patches against the new ones.`,
  };
}

let plan: PdfPatchPlan | null = null;

/**
 * Installs every patch once per process (or none, with one warning). Returns whether the
 * documents of this process are rendered patched.
 */
export function installPdfPatches(warn: (message: string) => void = (m) => console.warn(`[unidesk] ${m}`)): boolean {
  if (plan) return plan.patched;
  plan = pdfPatchPlan(process.env, installedPdfLibraries());
  if (plan.warning) warn(plan.warning);
  if (plan.patched) {
    installFontCache();
    installContentBuffer();
    installStyleLookup();
    installStreamCompression();
    installRuleJoining();
    installTextRuns();
    installMeasureCache();
  }
  return plan.patched;
}
