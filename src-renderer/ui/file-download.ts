/**
 * Files made by main (order PDFs and workbooks) arrive as base64 in the call's answer. The
 * renderer turns them into a Blob and saves them through an `<a download>`: a plain browser
 * download in the browser host, Electron's save dialog in the desktop app. No Node, no IPC.
 */

export interface DownloadableFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** Decodes standard base64 (with or without padding or line breaks) into bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/[\s]/g, '');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  return new Blob([base64ToBytes(base64)], { type: mimeType });
}

/** Keeps only what is safe in a file name on Windows, macOS and Linux; Kyrgyz letters stay. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').trim();
  return cleaned || 'document';
}

/** How long the object URL lives after the click: long enough for the download to start. */
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(file: DownloadableFile, doc: Document = document): void {
  const url = URL.createObjectURL(base64ToBlob(file.base64, file.mimeType));
  const a = doc.createElement('a');
  a.href = url;
  a.download = safeFileName(file.fileName);
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
