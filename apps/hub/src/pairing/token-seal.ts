import {
  createHash,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// The hub never stores the device's secret, yet must seal the token at approval: it encrypts
// to a public key whose private half is locked with that secret, so only the device's next
// poll (which brings the secret) can open it.
export interface SealKeys {
  publicKey: string;
  lockedPrivateKey: string;
}

export const newSecret = (): string => randomBytes(24).toString('base64url');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function newSealKeys(secret: string): SealKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: secret },
  });
  return { publicKey, lockedPrivateKey: privateKey };
}

export const sealToken = (token: string, publicKey: string): string =>
  publicEncrypt(publicKey, Buffer.from(token, 'utf8')).toString('base64url');

export const unsealToken = (sealed: string, lockedPrivateKey: string, secret: string): string =>
  privateDecrypt(
    { key: lockedPrivateKey, passphrase: secret },
    Buffer.from(sealed, 'base64url'),
  ).toString('utf8');
