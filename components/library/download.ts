import type { ExportFile } from '../../lib/messaging/protocol';

/** A name the file system accepts: no folders, no control or reserved characters. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '');
  return cleaned === '' ? 'export.txt' : cleaned.slice(0, 200);
}

/**
 * Hands an export to the browser's download flow through a Blob URL and an `<a download>` click,
 * which needs no `downloads` permission.
 */
export function saveExportFile(file: ExportFile): string {
  const filename = safeFilename(file.filename);
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  // Firefox only follows a click on an anchor that is in the document.
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download reads the Blob after the click returns; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return filename;
}
