/**
 * The public /verify page's HTML: the university's root public key in a data attribute and the
 * script that checks the code in the browser (verify-page.browser.ts). No account, no cookies,
 * nothing but static text until the script runs; paths are relative so the page also works
 * behind a reverse proxy's prefix.
 */
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function verifyPageHtml(rootPublicKey: string): string {
  return `<!doctype html>
<html lang="ky">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>UniDesk — текшерүү / проверка / verify</title>
<style>
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f4f6f8; color: #1b2430; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; margin: .5rem 0 1rem; }
.langs { display: flex; gap: .5rem; justify-content: flex-end; }
.langs button { border: 1px solid #b8c2cc; background: #fff; border-radius: 4px; padding: .25rem .6rem; cursor: pointer; }
.langs button[aria-pressed="true"] { background: #1b4f8a; color: #fff; border-color: #1b4f8a; }
.verdict { border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; font-weight: 600; }
.valid { background: #e3f4e6; border: 1px solid #2e7d3a; }
.invalid { background: #fde8e8; border: 1px solid #b3261e; }
.note { color: #4a5663; font-size: .92rem; margin: .4rem 0; }
table { border-collapse: collapse; width: 100%; background: #fff; }
td { border-bottom: 1px solid #e1e6eb; padding: .4rem .5rem; vertical-align: top; overflow-wrap: anywhere; }
td:first-child { color: #4a5663; width: 40%; }
form { display: grid; gap: .5rem; background: #fff; padding: 1rem; border-radius: 6px; }
input { font: inherit; padding: .4rem; border: 1px solid #b8c2cc; border-radius: 4px; }
form button { font: inherit; padding: .5rem; background: #1b4f8a; color: #fff; border: 0; border-radius: 4px; }
</style>
</head>
<body>
<main id="app" data-root="${escapeAttr(rootPublicKey)}">
<noscript>Текшерүү үчүн JavaScript керек. Для проверки нужен JavaScript. Verification needs JavaScript.</noscript>
</main>
<script src="verify/verify.js" defer></script>
</body>
</html>
`;
}
