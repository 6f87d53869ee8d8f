import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedPdfLibraries, PATCHED_FOR, pdfPatchPlan } from './pdf-patches';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('the PDF patches are installed only on the versions they were written for', () => {
  it('package.json pins pdfmake, pdfkit and fontkit to exactly those versions, and they are the ones installed', () => {
    for (const [lib, version] of Object.entries(PATCHED_FOR)) expect(pkg.dependencies[lib], lib).toBe(version);
    expect(installedPdfLibraries()).toEqual(PATCHED_FOR);
  });

  it('patches on the expected versions, silently', () => {
    expect(pdfPatchPlan({}, { ...PATCHED_FOR })).toEqual({ patched: true, warning: null });
  });

  it('renders unpatched, with one warning naming what moved, when a library is another version', () => {
    const plan = pdfPatchPlan({}, { ...PATCHED_FOR, pdfkit: '0.20.0', fontkit: null });
    expect(plan.patched).toBe(false);
    expect(plan.warning).toContain('pdfkit 0.20.0 (patches written for 0.19.1)');
    expect(plan.warning).toContain('fontkit not found');
    expect(plan.warning).not.toContain('pdfmake');
  });

  it('UNIDESK_PDF_PATCHES=off turns them off whatever the versions', () => {
    expect(pdfPatchPlan({ UNIDESK_PDF_PATCHES: 'off' }, { ...PATCHED_FOR })).toEqual({ patched: false, warning: null });
    expect(pdfPatchPlan({ UNIDESK_PDF_PATCHES: '0' }, { ...PATCHED_FOR }).patched).toBe(false);
    expect(pdfPatchPlan({ UNIDESK_PDF_PATCHES: 'on' }, { ...PATCHED_FOR }).patched).toBe(true);
  });
});
