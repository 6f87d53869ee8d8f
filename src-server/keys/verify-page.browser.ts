/**
 * The public /verify page's script (bundled for the browser by scripts/build.mjs): the code in
 * the address's fragment — which never reaches the server — is checked here with the shared
 * `verifyCode` and the root public key the page carries; then, if the network allows, the
 * server is asked whether the key or the document was revoked. Without a code: a form for the
 * number and the eight characters printed beside the QR. Kyrgyz, Russian, English.
 */
import { decodeCode, verifyCode, type SealFields } from '../../src-shared/domain/document-code';
import { docEn } from '../../src-shared/i18n/doc.en';
import { docKy } from '../../src-shared/i18n/doc.ky';
import { docRu } from '../../src-shared/i18n/doc.ru';
import { registrarEn } from '../../src-shared/i18n/registrar.en';
import { registrarKy } from '../../src-shared/i18n/registrar.ky';
import { registrarRu } from '../../src-shared/i18n/registrar.ru';
import { verifyPageEn } from '../../src-shared/i18n/verify-page.en';
import { verifyPageKy } from '../../src-shared/i18n/verify-page.ky';
import { verifyPageRu } from '../../src-shared/i18n/verify-page.ru';
import type { VerifyLookupResponse, VerifyStatusResponse } from '../../src-shared/sync/protocol';

type Lang = 'ky' | 'ru' | 'en';
const TEXT: Record<Lang, Record<string, string>> = {
  ky: { ...docKy, ...registrarKy, ...verifyPageKy },
  ru: { ...docRu, ...registrarRu, ...verifyPageRu },
  en: { ...docEn, ...registrarEn, ...verifyPageEn },
};
const LANG_NAMES: Record<Lang, string> = { ky: 'Кыргызча', ru: 'Русский', en: 'English' };

function pickLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('unidesk.verify.lang') ?? navigator.language.slice(0, 2);
  return asked === 'ru' || asked === 'en' || asked === 'ky' ? asked : 'ky';
}

let lang: Lang = pickLang();
const t = (key: string, values: Record<string, string> = {}) => (TEXT[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const shown = (k: string, v: string | number) =>
  k === 'type' ? t(`registrar.type.${v}`) : k === 'status' ? t(`doc.status.${v}`) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('.') : String(v);

function fieldsTable(fields: SealFields): HTMLTableElement {
  const rows = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => el('tr', { 'data-field': k }, el('td', {}, t(`registrar.field.${k}`)), el('td', {}, shown(k, v!))));
  return el('table', { 'data-testid': 'verify-fields' }, el('tbody', {}, ...rows));
}

async function post<T>(path: string, body: unknown): Promise<T | null> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.ok ? ((await res.json()) as T) : null;
}

/** The online part: a revoked key or document turns a valid signature into "not valid". */
async function online(keyId: string, number: string, verdict: HTMLElement, note: HTMLElement): Promise<void> {
  note.textContent = t('verify.online.checking');
  try {
    const s = await post<VerifyStatusResponse>('v1/verify/status', { keyId, number });
    if (!s) throw new Error('status');
    const bad = s.key.state === 'revoked' ? t('verify.problem.keyRevoked', { reason: s.key.reason ?? '' }) : s.document.state === 'revoked' ? t('verify.problem.revoked', { reason: s.document.reason ?? '' }) : null;
    if (bad) {
      verdict.className = 'verdict invalid';
      verdict.dataset.valid = 'false';
      verdict.textContent = bad;
      note.textContent = '';
    } else note.textContent = t(s.document.state === 'valid' ? 'verify.online.ok' : 'verify.online.notInRegister');
    note.dataset.online = s.key.state === 'revoked' || s.document.state === 'revoked' ? 'revoked' : s.document.state;
  } catch {
    note.textContent = t('verify.online.failed');
    note.dataset.online = 'failed';
  }
}

function showCode(app: HTMLElement, root: string, code: string): void {
  const check = verifyCode(code, root);
  const fields = check.ok ? check.fields : (decodeCode(code)?.fields ?? null);
  const verdict = el('div', { class: `verdict ${check.ok ? 'valid' : 'invalid'}`, 'data-testid': 'verify-verdict', 'data-valid': String(check.ok) }, check.ok ? t('verify.valid') : t(`verify.problem.${check.reason}`));
  const note = el('p', { class: 'note', 'data-testid': 'verify-online' });
  app.append(verdict, note);
  if (fields) app.append(fieldsTable(fields));
  if (check.ok) {
    app.append(el('p', { class: 'note' }, t('verify.page.how')));
    void online(check.keyId, String(check.fields.number), verdict, note);
  }
}

function showForm(app: HTMLElement): void {
  const number = el('input', { id: 'number', name: 'number', autocomplete: 'off', 'data-testid': 'verify-number' });
  const check = el('input', { id: 'check', name: 'check', autocomplete: 'off', 'data-testid': 'verify-check' });
  const problem = el('p', { class: 'note', role: 'alert' });
  const form = el(
    'form',
    {},
    el('label', { for: 'number' }, t('verify.page.number')),
    number,
    el('label', { for: 'check' }, t('verify.page.check')),
    check,
    el('button', { type: 'submit', 'data-testid': 'verify-submit' }, t('verify.page.submit')),
    problem,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    problem.textContent = '';
    post<VerifyLookupResponse>('v1/verify/lookup', { number: number.value, check: check.value }).then(
      (r) => {
        if (r) location.hash = r.code;
        else problem.textContent = t('verify.page.notFound');
      },
      () => (problem.textContent = t('verify.online.failed')),
    );
  });
  app.append(el('p', {}, t('verify.page.intro')), form);
}

function render(): void {
  const app = document.getElementById('app')!;
  const root = app.dataset.root ?? '';
  document.documentElement.lang = lang;
  document.title = t('verify.page.title');
  app.replaceChildren();
  const langs = el('nav', { class: 'langs', 'aria-label': t('verify.page.language') });
  for (const l of ['ky', 'ru', 'en'] as const) {
    const b = el('button', { type: 'button', 'aria-pressed': String(l === lang), 'data-lang': l }, LANG_NAMES[l]);
    b.addEventListener('click', () => {
      lang = l;
      localStorage.setItem('unidesk.verify.lang', l);
      render();
    });
    langs.append(b);
  }
  app.append(langs, el('h1', {}, t('verify.page.title')));
  const code = decodeURIComponent(location.hash.slice(1)).trim();
  if (code) showCode(app, root, code);
  else showForm(app);
}

window.addEventListener('hashchange', render);
render();
