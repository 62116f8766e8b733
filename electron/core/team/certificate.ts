// The team session's own certificate: self-signed for the address it listens on, so
// the session can run over HTTPS without a certificate authority. Browsers warn about
// it once; the host screen shows its SHA-256 fingerprint (as browsers show it) to
// compare, and the link carries it too.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import selfsigned from 'selfsigned';

export interface TeamCertificate {
  certificate: string;
  privateKey: string;
  /** SHA-256, colon-separated hex pairs in capitals (AA:BB:...). */
  fingerprint: string;
}

export async function makeCertificate(address: string): Promise<TeamCertificate> {
  const now = new Date();
  const pems = await selfsigned.generate([{ name: 'commonName', value: `Fieldwork team session ${address}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    // A team session lasts hours; a month covers one left running and resumed.
    notAfterDate: new Date(now.getTime() + 31 * 24 * 3_600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: isIP(address) ? [{ type: 7, ip: address }] : [{ type: 2, value: address }] },
    ],
  });
  return { certificate: pems.cert, privateKey: pems.private, fingerprint: fingerprintOf(pems.cert) };
}

export const fingerprintOf = (certificate: string): string => new X509Certificate(certificate).fingerprint256;
