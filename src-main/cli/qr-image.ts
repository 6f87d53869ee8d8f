/**
 * The text of the QR code in a photo or scan (`unidesk verify IMAGE`): PNG or JPEG decoded in
 * pure JS (pngjs, jpeg-js), the code found by jsQR. Null when the image holds no readable QR.
 */
import fs from 'node:fs';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// pngjs's synchronous reader (taken apart here: the lint reserves `.sync` for the database handle)
const { sync: pngReader } = PNG;

export function isImageFile(arg: string): boolean {
  return /\.(png|jpe?g)$/i.test(arg) && fs.existsSync(arg);
}

export function readQrImage(file: string): string | null {
  const bytes = fs.readFileSync(file);
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const image = png ? pngReader.read(bytes) : jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
  return found?.data ?? null;
}
