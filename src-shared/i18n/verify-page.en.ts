/** The server's public /verify page and the online part of every check (issue 13). English. */
export const verifyPageEn = {
  'verify.problem.keyRevoked': 'The university revoked the key of the workstation that signed this document: {reason}.',
  'verify.online.checking': 'Checking online whether the document was revoked…',
  'verify.online.ok': 'Online: the document is in the university’s register and not revoked.',
  'verify.online.notInRegister': 'Online: the number is not in the server’s register yet (the workstation has not synced). The signature is valid.',
  'verify.online.failed': 'Could not check revocation online; the signature was checked offline.',
  'verify.page.title': 'Verify a university document',
  'verify.page.intro': 'Point a phone camera at the document’s QR code, or type the number and the code printed beside it.',
  'verify.page.number': 'Document number',
  'verify.page.check': 'Code (8 characters)',
  'verify.page.submit': 'Verify',
  'verify.page.notFound': 'The register has no document with this number and code.',
  'verify.page.language': 'Language',
  'verify.page.how': 'The signature was checked in this browser with the university’s public key; the details below are signed — compare them with the paper.',
};
