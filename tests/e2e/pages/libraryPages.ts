import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The toolbar popup (`popup.html`): this tab's action, recent saves, search, the way to the library. */
export class PopupPage {
  constructor(readonly page: Page) {}

  get savedItems(): Locator {
    return this.page.locator('.paper-list li[data-paper-id]');
  }

  async savedTitles(): Promise<string[]> {
    return (await this.savedItems.locator('.paper-title').allTextContents()).map((text) => text.trim());
  }
}

/** The options page's library (`options.html`, the default view). */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get entries(): Locator {
    return this.page.locator('.entry-list li.entry');
  }

  entry(paperId: string): Locator {
    return this.page.locator(`.entry-list li.entry[data-paper-id="${paperId}"]`);
  }

  get listCount(): Locator {
    return this.page.locator('.list-count');
  }

  async titles(): Promise<string[]> {
    return (await this.entries.locator('.entry-title').allTextContents()).map((text) => text.trim());
  }

  async tagsOf(paperId: string): Promise<string[]> {
    return (await this.entry(paperId).locator('.tag-list .tag-text').allTextContents()).map((text) => text.trim());
  }

  async notesOf(paperId: string): Promise<string> {
    return this.entry(paperId).locator('textarea.notes-input').inputValue();
  }

  async addTag(paperId: string, tag: string): Promise<void> {
    const input = this.entry(paperId).locator('input.tag-input');
    await input.fill(tag);
    await input.press('Enter');
    await this.entry(paperId).locator('.tag-list .tag-text', { hasText: tag }).waitFor();
  }

  /** Types a note and leaves the box, which saves it; resolves once the page says it was saved. */
  async writeNote(paperId: string, text: string): Promise<void> {
    const box = this.entry(paperId).locator('textarea.notes-input');
    await box.fill(text);
    await box.blur();
    await this.entry(paperId).locator('.notes-editor', { hasText: 'Notes saved.' }).waitFor();
  }

  exportButton(label: string): Locator {
    return this.page.getByRole('group', { name: 'Export the whole library' }).getByRole('button', { name: label, exact: true });
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(label: string): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton(label).click()]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  get importStatus(): Locator {
    return this.page.locator('.import-status');
  }

  get importAlert(): Locator {
    return this.page.getByRole('region', { name: 'Import…' }).getByRole('alert');
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
  }
}
