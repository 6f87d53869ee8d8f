import { describe, expect, it } from 'vitest';
import { codeFromText, encodeCode as encodeSeal, nobleSignatureCheck, shortCheck, verifyCode, type SignatureCheck } from '../../src-shared/domain/document-code';
import { certifyKey, nativeSignatureCheck, newSigningKey, rawPublicKey, sealDocument, type Sealed } from './document-seal';

const root = newSigningKey();
const station = newSigningKey();
const ROOT = rawPublicKey(root.publicKey);
const cert = certifyKey(root.privateKey, station.publicKey, { keyId: 'REG-01', series: 'A1', validFrom: '2026-09-01', validTo: '2027-08-31' });
const fields = { type: 'study', number: 'A1-000042', issuedOn: '2026-12-04', lastName: 'Жеңишбеков', firstName: 'Нурлан', patronymic: 'Асан уулу', birthDate: '2006-03-08', course: 2 };
const decode = (code: string) => JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Sealed;
const encode = (s: Sealed) => Buffer.from(JSON.stringify(s)).toString('base64url');

// the browser's page checks in pure JS, main and the server natively: both must agree on every case
describe.each<[string, SignatureCheck]>([
  ['pure JS (the /verify page)', nobleSignatureCheck],
  ['node:crypto (main, server)', nativeSignatureCheck],
])('a sealed document, checked in %s', (_name, check) => {
  const checkSeal = (code: string, root: string) => verifyCode(code, root, check);
  it('is valid with nothing but the university’s public key, whatever order its fields travel in, also from its URL', () => {
    const code = encodeSeal(sealDocument(station.privateKey, cert, fields));
    expect(checkSeal(code, ROOT)).toEqual({ ok: true, fields, keyId: 'REG-01', series: 'A1' });
    const reordered = decode(code);
    reordered.fields = Object.fromEntries(Object.entries(reordered.fields).reverse());
    expect(checkSeal(encode(reordered), ROOT).ok).toBe(true);
    expect(checkSeal(`https://univ.example.kg/verify#${code}`, ROOT).ok).toBe(true);
    expect(codeFromText(` https://x/verify#${code}\n`)).toBe(code);
    expect(shortCheck(decode(code).signature)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('fails when any signed field is changed, naming the signature; a forged or foreign certificate, a key outside its period or series', () => {
    const good = sealDocument(station.privateKey, cert, fields);
    for (const [k, v] of Object.entries({ lastName: 'Жеңишбекова', firstName: 'Нурбек', patronymic: null, birthDate: '2006-03-09', course: 3, type: 'academic', extra: 'x' })) {
      const changed = { ...good, fields: { ...good.fields, [k]: v } };
      expect(checkSeal(encodeSeal(changed), ROOT), k).toMatchObject({ ok: false, reason: 'signature' });
    }
    // a stolen laptop's own key certified by itself is not the university's
    const fake = newSigningKey();
    const selfCert = certifyKey(fake.privateKey, fake.publicKey, { keyId: 'REG-01', series: 'A1', validFrom: '2026-09-01', validTo: '2027-08-31' });
    expect(checkSeal(encodeSeal(sealDocument(fake.privateKey, selfCert, fields)), ROOT)).toMatchObject({ ok: false, reason: 'certificate' });
    // a certificate whose period or series is changed no longer carries the root's signature
    expect(checkSeal(encodeSeal({ ...good, cert: { ...good.cert, validTo: '2030-08-31' } }), ROOT)).toMatchObject({ ok: false, reason: 'certificate' });
    expect(checkSeal(encodeSeal({ ...good, cert: { ...good.cert, series: 'B7' } }), ROOT)).toMatchObject({ ok: false, reason: 'certificate' });
    expect(checkSeal(encodeSeal(sealDocument(station.privateKey, good.cert, { ...fields, issuedOn: '2028-01-10' })), ROOT)).toMatchObject({ ok: false, reason: 'keyNotValidOn' });
    // a number outside the key's series: another workstation's numbers cannot be signed here
    expect(checkSeal(encodeSeal(sealDocument(station.privateKey, good.cert, { ...fields, number: 'B7-000001' })), ROOT)).toMatchObject({ ok: false, reason: 'series' });
    expect(checkSeal('not a code', ROOT)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSeal(encodeSeal(good), rawPublicKey(newSigningKey().publicKey))).toMatchObject({ ok: false, reason: 'certificate' });
  });
});
