import { describe, expect, it } from 'vitest';
import { applyPolarityCorrections, buildHubView, correctionKey } from '../../lib/analytics';
import { createHubPorts, type HubSnapshot } from '../../lib/background/hubPorts';
import { clearCache } from '../../lib/db/cache';
import { openDatabase } from '../../lib/db/database';
import { createPolarityCorrectionStore } from '../../lib/db/polarityCorrections';
import type { Citation, CitationSentence } from '../../lib/domain/citation';
import type { HubData } from '../../lib/domain/hub';
import type { Polarity } from '../../lib/domain/labels';
import { generateCorpus } from '../../lib/hub/fakeSource';
import { createSentenceLabeler } from '../../lib/hub/labelling';
import { createHarness, fakeClock, openAndSettle, uniqueDb } from './hub-harness';
import { makeSampleView } from '../fixtures/views/sampleView';

const sentence = (text: string, label: Polarity): CitationSentence => ({ text, sourceIntents: [], polarity: { label, confidence: 0.8 } });
const citation = (id: string, sentences: CitationSentence[]): Citation => ({ citing: { paperId: id, title: `Paper ${id}`, authors: [] }, isInfluential: false, intents: [], sentences });

describe('reader corrections over model labels', () => {
  const citations = [citation('p1', [sentence('p1 pushes back', 'contrasting'), sentence('p1 uses it', 'neutral')]), citation('p2', [sentence('p2 agrees', 'supporting')])];

  it('replace the corrected sentence’s label, keep what the model said, and leave other papers as they were', () => {
    const corrected = applyPolarityCorrections(citations, new Map([[correctionKey('p1', 'p1 pushes back'), 'neutral']]));
    expect(corrected[0]!.sentences[0]!.polarity).toEqual({ label: 'neutral', confidence: 1, correctedFrom: 'contrasting' });
    expect(corrected[0]!.sentences[1]).toBe(citations[0]!.sentences[1]);
    expect(corrected[1]).toBe(citations[1]);
    expect(citations[0]!.sentences[0]!.polarity!.label).toBe('contrasting');
  });

  it('change the paper counts, the explorer’s polarity and the examples at once', () => {
    const data = { arxivId: '2112.11446', paper: null, citations, references: [], referencesByCiting: {}, coCitedPapers: [], recommendations: [] } as unknown as HubData;
    const plain = buildHubView({ ...data, provenance: { sources: [], fetchedAt: 0 }, stages: {} } as unknown as HubData);
    const corrections = new Map<string, Polarity>([
      [correctionKey('p1', 'p1 pushes back'), 'supporting'],
      [correctionKey('p2', 'p2 agrees'), 'contrasting'],
    ]);
    const view = buildHubView({ ...data, provenance: { sources: [], fetchedAt: 0 }, stages: {} } as unknown as HubData, corrections);
    expect(plain.polarity.perPaper).toMatchObject({ contrasting: 1, supporting: 1 });
    expect(view.polarity.perPaper).toMatchObject({ contrasting: 1, supporting: 1 });
    expect(view.explorer.find((row) => row.citation.citing.paperId === 'p2')!.polarity).toBe('contrasting');
    expect(view.explorer.find((row) => row.citation.citing.paperId === 'p1')!.polarity).toBe('supporting');
    expect(view.polarity.correctedSentences).toBe(2);
    expect(view.polarity.examples.contrasting[0]).toMatchObject({ citingPaperId: 'p2', correctedFrom: 'supporting' });
  });
});

describe('stored corrections', () => {
  it('persist per paper and sentence, survive "clear cache", and can be withdrawn', async () => {
    const name = `corrections-${Math.random()}`;
    const db = openDatabase(name);
    const store = createPolarityCorrectionStore(db);
    expect(await store.load('2112.11446')).toBe(false);
    await store.set('2112.11446', 'p1', 'p1 pushes back', 'neutral', 1);
    await store.set('2001.08361', 'p9', 'other paper', 'supporting', 2);
    expect(store.current('2112.11446').revision).toBe(2);
    await clearCache(db);

    const reopened = createPolarityCorrectionStore(openDatabase(name));
    expect(await reopened.load('2112.11446')).toBe(true);
    expect([...reopened.current('2112.11446').corrections]).toEqual([[correctionKey('p1', 'p1 pushes back'), 'neutral']]);
    await reopened.set('2112.11446', 'p1', 'p1 pushes back', null, 3);
    expect(reopened.current('2112.11446').corrections.size).toBe(0);
    expect(await createPolarityCorrectionStore(openDatabase(name)).load('2112.11446')).toBe(false);
  });

  it('survive relabelling by a new model: the view still shows the reader’s label', async () => {
    const db = uniqueDb();
    const clock = fakeClock();
    const corpus = generateCorpus({ citationCount: 120 });
    const before = (await openAndSettle(createHarness({ db, clock, corpus }))).data!;
    const target = before.citations.find((c) => c.sentences.some((s) => s.polarity?.label !== 'contrasting'))!;
    const text = target.sentences.find((s) => s.polarity?.label !== 'contrasting')!.text;
    const corrections = new Map<string, Polarity>([[correctionKey(target.citing.paperId, text), 'contrasting']]);

    const modelVersion = 'all-neutral-2';
    const labeler = createSentenceLabeler({
      modelVersion,
      classifyIntent: () => ({ label: 'background', confidence: 0.6, modelVersion }),
      classifyPolarity: () => ({ label: 'neutral', confidence: 0.9, modelVersion }),
    });
    clock.advance(60_000);
    const after = (await openAndSettle(createHarness({ db, clock, corpus, labeler }))).data!;
    const relabelled = after.citations.find((c) => c.citing.paperId === target.citing.paperId)!;
    expect(relabelled.sentences.every((s) => s.modelVersion === modelVersion && s.polarity?.label === 'neutral')).toBe(true);

    const view = buildHubView(after, corrections);
    expect(view.polarity.perPaper.contrasting).toBe(1);
    expect(view.explorer.find((row) => row.citation.citing.paperId === target.citing.paperId)!.polarity).toBe('contrasting');
  });
});

describe('hub ports after a correction', () => {
  it('send every panel watching the paper the recounted view, and no other panel', async () => {
    const data = { arxivId: '2112.11446' } as HubData;
    const other = { arxivId: '2001.08361' } as HubData;
    let revision = 0;
    const built: number[] = [];
    const hubs = {
      open: (id: string): HubSnapshot => ({ data: id === '2112.11446' ? data : other, status: { state: 'ready' } }),
      subscribe: () => () => {},
    };
    const ports = createHubPorts(
      hubs,
      (hub, corrections) => {
        built.push(corrections.size);
        return { ...makeSampleView({ explorerRows: 5 }), arxivId: hub.arxivId };
      },
      { load: async () => false, current: () => ({ revision, corrections: new Map(Array.from({ length: revision }, (_, i) => [`k${i}`, 'neutral'])) }) },
    );
    const sent: Record<string, { type: string }[]> = { a: [], b: [], c: [] };
    for (const [key, id] of [['a', '2112.11446'], ['b', '2112.11446'], ['c', '2001.08361']] as const) {
      let receive: (message: unknown) => void = () => {};
      ports.accept({
        sender: {},
        postMessage: (message: { type: string }) => sent[key]!.push(message),
        onMessage: { addListener: (fn: (message: unknown) => void) => (receive = fn) },
        onDisconnect: { addListener: () => {} },
      } as never);
      receive({ type: 'hub/subscribe', arxivId: id });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.a).toHaveLength(1);
    revision = 1;
    ports.resendPaper('2112.11446');
    expect(sent.a).toHaveLength(2);
    expect(sent.b).toHaveLength(2);
    expect(sent.c).toHaveLength(1);
    // One rebuild for the two panels of the corrected paper, made with the new corrections.
    expect(built.filter((size) => size === 1)).toHaveLength(1);
  });
});

describe('schema v4', () => {
  it('opens a v3 database with its library and secrets intact and an empty corrections table', async () => {
    const Dexie = (await import('dexie')).default;
    const name = `corrections-upgrade-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({ hubs: 'arxivId, fetchedAt, lastAccessedAt', progress: 'arxivId', library: 'id, savedAt, updatedAt, *tags' });
    v3.version(2).stores({ citationCounts: 'arxivId, fetchedAt' });
    v3.version(3).stores({ secrets: 'name' });
    await v3.open();
    await v3.table('library').put({ id: 'arxiv:2112.11446', paper: { paperId: 'p', title: 'Gopher', authors: [] }, savedAt: 1, updatedAt: 1, tags: ['llm'], notes: '', read: false });
    await v3.table('secrets').put({ name: 's2ApiKey', value: 'k' });
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await db.library.get('arxiv:2112.11446'))?.tags).toEqual(['llm']);
    expect((await db.secrets.get('s2ApiKey'))?.value).toBe('k');
    expect(await db.polarityCorrections.count()).toBe(0);
  });
});
