import type { Rng } from './random';
import type { SampleCitationEdgeJson, SampleIntent, SamplePaperJson, SampleReferenceEdgeJson } from './types';

/*
 * The two targets' own reference edges (`/paper/{id}/references`): how Gopher and Scaling Laws cite
 * each work on their reference lists. Where the cited work is the other target, the edge is the very
 * citation edge the other target lists (same sentences, intents and influence), so the two views of
 * one citation agree. The other sentences come from the templates below, one role per reference.
 * A few entries are unresolved (S2 sends `paperId: null` and a title), and each target reports more
 * references than it lists, as real papers do.
 */

interface ReferenceTemplate {
  role: SampleIntent;
  text: string;
}

/** {Cite}: "Brown et al. (2020)"; {cite}: "(Brown et al., 2020)"; {title}: the cited work's title. */
const TEMPLATES: ReferenceTemplate[] = [
  { role: 'background', text: 'Large Transformer language models have improved steadily with scale {cite}.' },
  { role: 'background', text: '{Cite} is one of the works this line of research builds on.' },
  { role: 'background', text: 'Related work includes {title} {cite}.' },
  { role: 'background', text: 'Prior studies of language model behaviour {cite} motivate the analysis in this paper.' },
  { role: 'methodology', text: 'We follow the setup of {Cite} for this part of training.' },
  { role: 'methodology', text: 'Our models use the approach introduced in {title} {cite}.' },
  { role: 'methodology', text: 'We adopt the data pipeline and evaluation protocol described by {Cite}.' },
  { role: 'result', text: 'Our results compare favourably with those reported by {Cite}.' },
  { role: 'result', text: 'In contrast to {Cite}, we find that the gains continue at larger scale.' },
  { role: 'result', text: 'The trend we observe is consistent with the findings of {Cite}.' },
];

const ROLE_WEIGHTS: [SampleIntent, number][] = [['background', 0.6], ['methodology', 0.25], ['result', 0.15]];
const INFLUENTIAL_SHARE = 0.25;
/** Share of references whose sentences carry no S2 intent (the local classifier labels them). */
const UNLABELLED_SHARE = 0.3;

export interface ReferenceEdgeRequest {
  /** The cited works, in the order the paper lists them. */
  cited: readonly { paper: SamplePaperJson; shortCite: string | null }[];
  /** The edge the cited work lists for this paper, when the cited work is a target with citation edges. */
  citationEdgeOf: (citedPaperId: string) => SampleCitationEdgeJson | undefined;
  /** Titles of entries S2 could not resolve. */
  unresolvedTitles: readonly string[];
}

function fill(text: string, shortCite: string | null, title: string, number: number): string {
  const subject = shortCite ? shortCite.replace(/, (\d{4})$/, ' ($1)') : `Reference [${number}]`;
  const parenthetical = shortCite ? `(${shortCite})` : `[${number}]`;
  return text.replace('{Cite}', subject).replace('{cite}', parenthetical).replace('{title}', title);
}

export function buildReferenceEdges(rng: Rng, request: ReferenceEdgeRequest): SampleReferenceEdgeJson[] {
  const edges: SampleReferenceEdgeJson[] = request.cited.map(({ paper, shortCite }, index) => {
    const citedPaper = {
      paperId: paper.paperId,
      title: paper.title,
      year: paper.year,
      authors: paper.authors,
      venue: paper.venue,
      citationCount: paper.citationCount,
      influentialCitationCount: paper.influentialCitationCount,
      externalIds: paper.externalIds,
      publicationDate: paper.publicationDate,
    };
    const mirrored = request.citationEdgeOf(paper.paperId);
    if (mirrored) {
      return { contexts: mirrored.contexts, intents: mirrored.intents, contextsWithIntent: mirrored.contextsWithIntent, isInfluential: mirrored.isInfluential, citedPaper };
    }
    const role = ROLE_WEIGHTS[rng.weightedIndex(ROLE_WEIGHTS.map(([, weight]) => weight))]![0];
    const choices = TEMPLATES.filter((template) => template.role === role);
    const count = rng.chance(0.3) ? 2 : 1;
    const texts = rng.sample(choices, Math.min(count, choices.length)).map((template) => fill(template.text, shortCite, paper.title, index + 1));
    const labelled = !rng.chance(UNLABELLED_SHARE);
    const contextsWithIntent = texts.map((context) => ({ context, intents: labelled ? [role] : [] }));
    return {
      contexts: texts,
      intents: labelled ? [role] : [],
      contextsWithIntent,
      isInfluential: rng.chance(INFLUENTIAL_SHARE),
      citedPaper,
    };
  });
  for (const title of request.unresolvedTitles) {
    edges.push({ contexts: [], intents: [], contextsWithIntent: [], isInfluential: false, citedPaper: { paperId: null, title } });
  }
  return edges;
}
