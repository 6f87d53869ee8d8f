import { describe, expect, it } from 'vitest';
import { certifyKey, checkSeal, encodeSeal, newSigningKey, rawPublicKey, sealDocument, type Sealed } from './document-seal';

const root = newSigningKey();
const station = newSigningKey();
const ROOT = rawPublicKey(root.publicKey);
const cert = certifyKey(root.privateKey, station.publicKey, { keyId: 'REG-01', validFrom: '2026-09-01', validTo: '2027-08-31' });
const fields = { type: 'study', number: 'R01-000042', date: '2026-12-04', lastName: 'Жеңишбеков', firstName: 'Нурлан', patronymic: 'Асан уулу', birthDate: '2006-03-08', course: 2 };
const issuedOn = (f: Record<string, unknown>) => (typeof f.date === 'string' ? f.date : null);
const decode = (code: string) => JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Sealed;
const encode = (s: Sealed) => Buffer.from(JSON.stringify(s)).toString('base64url');

describe('a sealed document', () => {
  it('is valid with nothing but the university’s public key, whatever order its fields travel in', () => {
    const code = encodeSeal(sealDocument(station.privateKey, cert, fields));
    expect(checkSeal(code, ROOT, issuedOn)).toEqual({ ok: true, fields, keyId: 'REG-01' });
    const reordered = decode(code);
    reordered.fields = Object.fromEntries(Object.entries(reordered.fields).reverse());
    expect(checkSeal(encode(reordered), ROOT, issuedOn).ok).toBe(true);
  });

  it('fails when any signed field is changed, naming the signature; a forged or foreign certificate, or a key used outside its period', () => {
    const good = sealDocument(station.privateKey, cert, fields);
    for (const [k, v] of Object.entries({ lastName: 'Жеңишбекова', course: 3, date: '2026-12-05', patronymic: null })) {
      const changed = { ...good, fields: { ...good.fields, [k]: v } };
      expect(checkSeal(encodeSeal(changed), ROOT, issuedOn), k).toMatchObject({ ok: false, reason: 'signature' });
    }
    // a stolen laptop's own key certified by itself is not the university's
    const fake = newSigningKey();
    const selfCert = certifyKey(fake.privateKey, fake.publicKey, { keyId: 'REG-01', validFrom: '2026-09-01', validTo: '2027-08-31' });
    expect(checkSeal(encodeSeal(sealDocument(fake.privateKey, selfCert, fields)), ROOT, issuedOn)).toMatchObject({ ok: false, reason: 'certificate' });
    // a certificate whose period is stretched no longer carries the root's signature
    expect(checkSeal(encodeSeal({ ...good, cert: { ...good.cert, validTo: '2030-08-31' } }), ROOT, issuedOn)).toMatchObject({ ok: false, reason: 'certificate' });
    expect(checkSeal(encodeSeal(sealDocument(station.privateKey, good.cert, { ...fields, date: '2028-01-10' })), ROOT, issuedOn)).toMatchObject({ ok: false, reason: 'keyNotValidOn' });
    expect(checkSeal('not a code', ROOT, issuedOn)).toEqual({ ok: false, reason: 'malformed' });
  });
});
