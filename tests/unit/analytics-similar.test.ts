import { describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/domain/paper';
import { dedupeSimilar } from '../../lib/analytics/similar';

const paper = (paperId: string, extra: Partial<Paper> = {}): Paper => ({ paperId, title: paperId, authors: [], ...extra });

describe('similar papers', () => {
  it('drops the target, citing and co-cited papers and repeats, keeping the recommender order', () => {
    const recommendations = [
      paper('x'),
      paper('target'),
      paper('citing-1'),
      paper('y'),
      paper('cocited-1'),
      paper('x'),
      paper('other-id-same-arxiv', { arxivId: '2001.08361' }),
      paper('z'),
    ];
    const similar = dedupeSimilar(recommendations, {
      target: paper('target', { arxivId: '2001.08361' }),
      citingIds: ['citing-1', 'citing-2'],
      coCitedIds: ['cocited-1'],
    });
    expect(similar.map((entry) => entry.paperId)).toEqual(['x', 'y', 'z']);
  });

  it('works before the target paper is known', () => {
    expect(dedupeSimilar([paper('a'), paper('a')], { target: null, citingIds: [], coCitedIds: [] })).toHaveLength(1);
  });
});
