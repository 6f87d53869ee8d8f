/**
 * Device tokens: 256 random bits, shown once at enrolment. The server keeps only their
 * SHA-256 — a token is already high-entropy, so a slow hash would only slow every request.
 */
import { createHash, randomBytes } from 'node:crypto';

export const newDeviceToken = (): string => `udt_${randomBytes(32).toString('base64url')}`;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
