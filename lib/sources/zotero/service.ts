/**
 * Send to Zotero, as the official connector saves: `ping` (is Zotero running, and new enough?), `saveItems`
 * with a fresh session id per request, `getSelectedCollection` (where the items went), then the arXiv PDFs.
 * Zotero 7 ignores attachment URLs in `saveItems` ("all attachments come from the Connector"), so the
 * background fetches each PDF from arXiv and uploads it with `saveAttachment`, as the official connector's
 * background does; a Zotero that cannot take uploads (6) gets the PDF URL in the item and fetches it itself.
 */
import type { Paper } from '../../domain/paper';
import { zoteroItemFor, type LibraryExtras, type ZoteroItem } from './item';
import { ZoteroError, type ZoteroClient } from './client';

/** Papers per `saveItems` request: Zotero saves a request's items before it answers (60 s timeout). */
export const MAX_ITEMS_PER_SAVE = 100;
/** PDFs are fetched from arXiv one at a time, and only for sends this small (bulk downloads burden arXiv). */
export const MAX_PDFS_PER_SEND = 10;

export interface ResolvedPaper {
  paper: Paper;
  /** Present when the paper is in the library. */
  extras?: LibraryExtras;
}

export interface ZoteroSendResult {
  sent: number;
  /** Where Zotero put the items, as it names it. */
  collection: string;
  pdfsAttached: number;
  /** The outcome in one sentence for the UI. */
  message: string;
}

export interface ZoteroServiceDeps {
  client: ZoteroClient;
  /** The PDF's bytes, or null when arXiv did not send one. */
  fetchPdf(url: string): Promise<ArrayBuffer | null>;
  randomId(): string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function createZoteroService(deps: ZoteroServiceDeps) {
  const { client } = deps;

  async function attachPdfs(sessionID: string, items: ZoteroItem[]): Promise<{ attached: number; failed: number }> {
    let attached = 0;
    let failed = 0;
    for (const item of items) {
      for (const attachment of item.attachments) {
        const bytes = await deps.fetchPdf(attachment.url).catch(() => null);
        if (bytes === null) {
          failed++;
          continue;
        }
        try {
          await client.saveAttachment(sessionID, { id: deps.randomId(), url: attachment.url, contentType: attachment.mimeType, parentItemID: item.id, title: attachment.title }, bytes);
          attached++;
        } catch (error) {
          // The item is saved; a lost PDF is reported, not a failed send. Zotero gone mid-way is still worth saying.
          if (error instanceof ZoteroError && error.kind === 'not-running') throw error;
          failed++;
        }
      }
    }
    return { attached, failed };
  }

  return {
    /** Sends the papers (already resolved by the caller) in as few `saveItems` requests as the batch size allows. */
    async send(papers: readonly ResolvedPaper[]): Promise<ZoteroSendResult> {
      const ping = await client.ping();
      const items = papers.map(({ paper, extras }) => zoteroItemFor(paper, deps.randomId(), extras));
      const uploadPdfs = ping.supportsAttachmentUpload && ping.downloadAssociatedFiles && items.length <= MAX_PDFS_PER_SEND;
      const sessions: { sessionID: string; items: ZoteroItem[] }[] = [];
      for (let start = 0; start < items.length; start += MAX_ITEMS_PER_SAVE) {
        const batch = items.slice(start, start + MAX_ITEMS_PER_SAVE);
        const sessionID = deps.randomId();
        // Zotero 7 stores only the attachments the connector uploads; Zotero 6 fetches the listed ones itself.
        const payloadItems = ping.supportsAttachmentUpload ? batch.map((item) => ({ ...item, attachments: [] })) : batch;
        const uri = batch.length === 1 ? batch[0]!.url : undefined;
        try {
          await client.saveItems({ sessionID, ...(uri !== undefined && { uri }), items: payloadItems });
        } catch (error) {
          // Earlier batches are in Zotero already: say so rather than "nothing was sent".
          if (start === 0 || !(error instanceof ZoteroError)) throw error;
          throw new ZoteroError(error.kind, `Saved ${plural(start, 'paper')} of ${items.length.toLocaleString('en-US')} to Zotero, then: ${error.message}`, error.status);
        }
        sessions.push({ sessionID, items: batch });
      }
      const target = await client.selectedCollection();
      let attached = 0;
      let failed = 0;
      if (uploadPdfs && target.filesEditable) {
        for (const session of sessions) {
          const outcome = await attachPdfs(session.sessionID, session.items);
          attached += outcome.attached;
          failed += outcome.failed;
        }
      }
      const withPdf = items.filter((item) => item.attachments.length > 0).length;
      const what = items.length === 1 ? 'Saved to Zotero' : `Saved ${plural(items.length, 'paper')} to Zotero`;
      let pdfs = '';
      if (withPdf > 0) {
        if (!ping.supportsAttachmentUpload && ping.downloadAssociatedFiles) pdfs = ' Zotero fetches the arXiv PDF itself.';
        else if (uploadPdfs && target.filesEditable) {
          if (failed === 0) pdfs = attached === 1 ? ' PDF attached.' : ` ${plural(attached, 'PDF')} attached.`;
          else if (attached === 0) pdfs = failed === 1 ? ' No PDF: arXiv did not send it.' : ` No PDF: arXiv did not send the ${failed} PDFs.`;
          else pdfs = ` ${plural(attached, 'PDF')} attached; ${plural(failed, 'PDF')} could not be fetched from arXiv.`;
        } else if (!target.filesEditable) pdfs = ' No PDF: files in that library are read-only.';
        else if (!ping.downloadAssociatedFiles) pdfs = ' No PDF: Zotero is set not to attach PDFs automatically.';
        else pdfs = ` PDFs are fetched for up to ${MAX_PDFS_PER_SEND} papers at a time; use Zotero's "Find Available PDF" for these.`;
      }
      return { sent: items.length, collection: target.name, pdfsAttached: attached, message: `${what} in “${target.name}”.${pdfs}` };
    },
  };
}

export type ZoteroService = ReturnType<typeof createZoteroService>;
