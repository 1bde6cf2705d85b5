import type { Rng } from './random';
import type { SampleIntent } from './types';
import type { Topic } from './generatedPapers';

/*
 * Citation sentences ("contexts") for the generated citation edges. Each template is written for one
 * role (the S2 intent it would carry) and echoes a claim of the cited paper's real abstract, so the
 * claims ledger finds echoes. Polarity cues ("consistent with", "in contrast to", "however") follow
 * the style of the labelled polarity corpus so the local classifier has something to work with.
 */

export type Polarity = 'neutral' | 'supporting' | 'contrasting';

interface Template {
  role: SampleIntent;
  polarity: Polarity;
  /** Placeholders: {cite} parenthetical marker, {Cite} subject form, {topic}, {size}, {alpha}, {pct}, {ratio}, {k}. */
  text: string;
  /** Only for citing papers published after this date (the sentence refers to later findings). */
  after?: string;
}

const SCALING_LAWS_TEMPLATES: Template[] = [
  { role: 'background', polarity: 'neutral', text: 'Language model performance improves smoothly as a power law in model size, dataset size and training compute {cite}.' },
  { role: 'background', polarity: 'neutral', text: '{Cite} showed that the cross-entropy loss of language models scales as a power law with model size, dataset size and compute, with trends spanning more than seven orders of magnitude.' },
  { role: 'background', polarity: 'neutral', text: 'Neural scaling laws {cite} make it possible to predict the loss of a large model from a series of much smaller runs, which has shaped how {topic} is studied.' },
  { role: 'background', polarity: 'neutral', text: 'Architectural details such as network width or depth have been reported to have minimal effects on the loss within a wide range {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Larger models are significantly more sample-efficient than smaller ones {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Empirical scaling laws {cite} are commonly used to decide how a fixed compute budget should be split between model size and data.' },
  { role: 'background', polarity: 'neutral', text: 'Much of the recent progress in {topic} builds on the observation that loss falls predictably with scale {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Early work on scaling {cite} suggested training very large models on a relatively modest amount of data and stopping significantly before convergence.' },
  { role: 'background', polarity: 'neutral', text: 'Scaling laws were first established for autoregressive language modelling {cite} and have since been extended to other modalities and to {topic}.' },
  { role: 'background', polarity: 'neutral', text: 'Following the success of scaling up Transformer language models {cite}, several works have asked whether {topic} benefits from scale in the same way.' },
  { role: 'background', polarity: 'neutral', text: 'The degree of overfitting depends predictably on the ratio of model size to dataset size {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Training speed also follows simple equations in model size {cite}, which makes the cost of large runs predictable in advance.' },
  { role: 'background', polarity: 'contrasting', text: 'However, the compute-optimal allocation proposed by {Cite} was later revised, and subsequent work argues that parameters and training tokens should be scaled in equal proportion.', after: '2022-04-01' },
  { role: 'background', polarity: 'contrasting', text: 'While {Cite} found that model shape matters little, recent studies of {topic} report that depth and width trade off non-trivially at small scale.' },
  { role: 'background', polarity: 'contrasting', text: 'The power laws of {Cite} were fitted on a single web-text distribution, and it remains unclear whether they hold for {topic}.' },
  { role: 'background', polarity: 'supporting', text: 'Consistent with the scaling laws of {Cite}, held-out loss decreases steadily as models grow.' },
  { role: 'methodology', polarity: 'neutral', text: 'Following {Cite}, we fit a power law L(N) = (N_c/N)^α_N to the final validation loss of each model in our sweep.' },
  { role: 'methodology', polarity: 'neutral', text: 'We count non-embedding parameters when reporting model size, as in {Cite}.' },
  { role: 'methodology', polarity: 'neutral', text: 'Training compute is estimated as C ≈ 6ND, where N is the number of parameters and D the number of training tokens {cite}.' },
  { role: 'methodology', polarity: 'neutral', text: 'Our batch sizes are set near the critical batch size estimated with the method of {Cite}.' },
  { role: 'methodology', polarity: 'neutral', text: 'Model sizes are spaced evenly in log-parameters up to {size}, following the experimental design of {Cite}.' },
  { role: 'methodology', polarity: 'neutral', text: 'We extrapolate the loss of the largest {topic} configuration from smaller runs using the scaling-law fits of {Cite}.' },
  { role: 'result', polarity: 'supporting', text: 'Our fitted exponent α ≈ {alpha} is close to the value of 0.076 reported by {Cite}, which suggests that {topic} follows a similar scaling trend.' },
  { role: 'result', polarity: 'supporting', text: 'Consistent with {Cite}, larger models reach a given loss with fewer training tokens in our {topic} experiments.' },
  { role: 'result', polarity: 'contrasting', text: 'In contrast to {Cite}, we find that the optimal number of training tokens grows roughly in proportion to model size.' },
  { role: 'result', polarity: 'contrasting', text: 'Unlike the smooth power laws reported by {Cite}, {topic} performance plateaus beyond {size} parameters in our experiments.' },
  { role: 'result', polarity: 'supporting', text: 'The compute-optimal frontier we measure lies close to the one predicted by {Cite}, deviating by less than {pct}% across our sweep.' },
  { role: 'result', polarity: 'neutral', text: 'Compared with the allocation suggested by {Cite}, our best runs use roughly {ratio}x more tokens per parameter.' },
];

const GOPHER_TEMPLATES: Template[] = [
  { role: 'background', polarity: 'neutral', text: 'Large language models such as Gopher {cite} perform well across a broad range of natural language tasks.' },
  { role: 'background', polarity: 'neutral', text: '{Cite} trained a family of Transformer language models up to 280 billion parameters and evaluated them on 152 diverse tasks.' },
  { role: 'background', polarity: 'neutral', text: 'Gains from scale are largest in reading comprehension, fact-checking and the identification of toxic language, while logical and mathematical reasoning benefit less {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Recent dense language models such as Gopher {cite} have pushed model size to hundreds of billions of parameters.' },
  { role: 'background', polarity: 'neutral', text: 'The interaction between model scale, bias and toxicity was analysed in detail for Gopher {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Curated web-scale corpora such as MassiveText {cite} combine web pages, books, news articles, code and Wikipedia.' },
  { role: 'background', polarity: 'neutral', text: 'Several works discuss how language models may be applied to AI safety and how their downstream harms can be mitigated {cite}.' },
  { role: 'background', polarity: 'neutral', text: 'Scaling up language models has been a reliable route to better performance on knowledge-intensive benchmarks {cite}, and {topic} is no exception.' },
  { role: 'background', polarity: 'neutral', text: 'A 280-billion-parameter model reached state-of-the-art performance on the majority of the 152 tasks it was evaluated on {cite}.' },
  { role: 'background', polarity: 'contrasting', text: 'However, Gopher {cite} was later shown to be undertrained for its compute budget: a smaller model trained on more tokens performs better.', after: '2022-04-01' },
  { role: 'background', polarity: 'contrasting', text: 'Although {Cite} report gains from scale on most tasks, these gains were limited for mathematical and logical reasoning, which motivates work on {topic}.' },
  { role: 'methodology', polarity: 'neutral', text: 'We follow the MassiveText quality-filtering heuristics of {Cite} when building our {topic} corpus.' },
  { role: 'methodology', polarity: 'neutral', text: 'Our architecture follows Gopher {cite}, using RMSNorm and relative positional encodings.' },
  { role: 'methodology', polarity: 'neutral', text: 'We adopt the evaluation protocol of {Cite} for the reading comprehension and fact-checking tasks.' },
  { role: 'methodology', polarity: 'neutral', text: 'Toxicity of sampled continuations is scored with the Perspective API, following the setup of {Cite}.' },
  { role: 'methodology', polarity: 'neutral', text: 'Our {size} model is trained with bfloat16 parameters and optimizer state partitioning as described by {Cite}.' },
  { role: 'result', polarity: 'supporting', text: 'As reported for Gopher {cite}, the gains we observe on mathematical reasoning are smaller than those on knowledge-intensive tasks.' },
  { role: 'result', polarity: 'contrasting', text: 'Our {size} model outperforms Gopher {cite} on MMLU despite having {k}x fewer parameters.' },
  { role: 'result', polarity: 'contrasting', text: 'In contrast to {Cite}, we find that multi-step reasoning improves substantially with scale when the model is prompted to show its work.' },
  { role: 'result', polarity: 'supporting', text: 'Consistent with the toxicity analysis of {Cite}, larger models in our study are better at classifying toxic text.' },
  { role: 'result', polarity: 'neutral', text: 'Compared to Gopher {cite}, our approach reaches similar few-shot accuracy on {topic} with a fraction of the training compute.' },
];

export type TargetKey = 'gopher' | 'scalingLaws';

const TEMPLATES: Record<TargetKey, Template[]> = { gopher: GOPHER_TEMPLATES, scalingLaws: SCALING_LAWS_TEMPLATES };

export interface MarkerStyle {
  kind: 'author-year' | 'numeric';
  /** Reference number of the target in the numeric style. */
  number: number;
}

export interface ContextRequest {
  target: TargetKey;
  role: SampleIntent;
  count: number;
  topic: Topic;
  marker: MarkerStyle;
  /** "Kaplan et al., 2020": the target's author-year form. */
  targetShortCite: string;
  /** Short cites of other works the citing paper references, for combined markers like "(A; B)". */
  coCitedShortCites: string[];
  /** The citing paper's publication date (YYYY-MM-DD). */
  citingDate: string;
}

export interface GeneratedContext {
  text: string;
  role: SampleIntent;
  polarity: Polarity;
}

function subjectForm(shortCite: string, marker: MarkerStyle): string {
  const [authors, year] = shortCite.split(', ');
  return marker.kind === 'author-year' ? `${authors} (${year})` : `${authors} [${marker.number}]`;
}

function parentheticalForm(rng: Rng, request: ContextRequest): string {
  const { marker, targetShortCite, coCitedShortCites } = request;
  const combine = coCitedShortCites.length > 0 && rng.chance(0.3);
  const others = combine ? rng.sample(coCitedShortCites, rng.int(1, Math.min(2, coCitedShortCites.length))) : [];
  if (marker.kind === 'author-year') return `(${[targetShortCite, ...others].join('; ')})`;
  const numbers = [marker.number, ...others.map(() => rng.int(1, 80))].sort((a, b) => a - b);
  return `[${[...new Set(numbers)].join(', ')}]`;
}

function fill(rng: Rng, template: Template, request: ContextRequest): string {
  return template.text
    .replaceAll('{Cite}', subjectForm(request.targetShortCite, request.marker))
    .replace('{cite}', parentheticalForm(rng, request))
    .replaceAll('{topic}', request.topic.noun)
    .replaceAll('{size}', rng.pick(['350M', '760M', '1.3B', '2.7B', '6.7B', '13B', '30B']))
    .replaceAll('{alpha}', rng.pick(['0.068', '0.071', '0.074', '0.079', '0.083']))
    .replaceAll('{pct}', String(rng.int(3, 12)))
    .replaceAll('{ratio}', String(rng.int(3, 20)))
    .replaceAll('{k}', String(rng.int(3, 25)));
}

/**
 * `count` distinct sentences for one citing paper, all in the requested role. Roles stay single per
 * paper so the hub's role shares match the proportions the builder sets; polarity varies by template.
 */
export function generateContexts(rng: Rng, request: ContextRequest): GeneratedContext[] {
  const pool = TEMPLATES[request.target].filter(
    (template) => template.role === request.role && (template.after === undefined || request.citingDate > template.after),
  );
  return rng.sample(pool, request.count).map((template) => ({
    text: fill(rng, template, request),
    role: template.role,
    polarity: template.polarity,
  }));
}
