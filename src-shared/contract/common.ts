import { z } from 'zod';
import { isRealDate } from '../domain/pin';

/** Ids are UUIDv7 strings, unique across devices. */
export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const isoDate = z.string().refine(isRealDate, { params: { code: 'date' } });

export interface Localized {
  ky: string;
  ru: string;
  en: string;
}
