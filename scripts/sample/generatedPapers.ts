import type { Rng } from './random';

/*
 * Titles, TL;DRs, venues and author names for the generated citing papers that fill the hubs up to
 * their sizes. The topics echo the real citing papers in the reference captures (training systems,
 * MoE, long context, reasoning, data, evaluation, …) so the generated rows look like the real ones.
 */

export interface Topic {
  /** Lower-case noun phrase used inside sentences. */
  noun: string;
  /** Title-case phrase used in titles. */
  area: string;
  metric: string;
}

export const TOPICS: Topic[] = [
  { noun: 'pipeline-parallel training', area: 'Pipeline-Parallel Training', metric: 'training throughput' },
  { noun: 'mixture-of-experts inference', area: 'Mixture-of-Experts Inference', metric: 'end-to-end latency' },
  { noun: 'mixture-of-experts pretraining', area: 'Mixture-of-Experts Pretraining', metric: 'validation loss' },
  { noun: 'long-context modelling', area: 'Long-Context Language Modelling', metric: 'retrieval accuracy' },
  { noun: 'code generation', area: 'Code Generation', metric: 'pass@1' },
  { noun: 'multilingual pretraining', area: 'Multilingual Pretraining', metric: 'average accuracy' },
  { noun: 'speculative decoding', area: 'Speculative Decoding', metric: 'decoding speed' },
  { noun: 'instruction tuning', area: 'Instruction Tuning', metric: 'win rate' },
  { noun: 'reward modelling', area: 'Reward Modelling', metric: 'preference accuracy' },
  { noun: 'data mixture selection', area: 'Data Mixture Selection', metric: 'downstream accuracy' },
  { noun: 'synthetic pretraining data', area: 'Synthetic Pretraining Data', metric: 'perplexity' },
  { noun: 'protein language modelling', area: 'Protein Language Models', metric: 'contact-prediction accuracy' },
  { noun: 'speech language modelling', area: 'Speech Language Models', metric: 'word error rate' },
  { noun: 'vision-language pretraining', area: 'Vision-Language Pretraining', metric: 'zero-shot accuracy' },
  { noun: 'retrieval-augmented generation', area: 'Retrieval-Augmented Generation', metric: 'exact match' },
  { noun: 'post-training quantization', area: 'Post-Training Quantization', metric: 'perplexity' },
  { noun: 'low-rank adaptation', area: 'Low-Rank Adaptation', metric: 'fine-tuning accuracy' },
  { noun: 'diffusion language modelling', area: 'Diffusion Language Models', metric: 'generation quality' },
  { noun: 'mathematical reasoning', area: 'Mathematical Reasoning', metric: 'GSM8K accuracy' },
  { noun: 'test-time compute scaling', area: 'Test-Time Compute', metric: 'solve rate' },
  { noun: 'federated fine-tuning', area: 'Federated Fine-Tuning', metric: 'communication cost' },
  { noun: 'edge inference', area: 'Edge Inference', metric: 'energy per token' },
  { noun: 'knowledge distillation', area: 'Knowledge Distillation', metric: 'student accuracy' },
  { noun: 'curriculum learning', area: 'Curriculum Learning', metric: 'sample efficiency' },
  { noun: 'tokenizer design', area: 'Tokenizer Design', metric: 'bits per byte' },
  { noun: 'optimizer design', area: 'Optimizers for Language Models', metric: 'tokens to target loss' },
  { noun: 'learning-rate scheduling', area: 'Learning-Rate Schedules', metric: 'final loss' },
  { noun: 'hallucination detection', area: 'Hallucination Detection', metric: 'AUROC' },
  { noun: 'membership inference', area: 'Membership Inference', metric: 'attack AUC' },
  { noun: 'scientific discovery agents', area: 'Scientific Discovery Agents', metric: 'task success rate' },
  { noun: 'text embedding models', area: 'Text Embedding Models', metric: 'retrieval nDCG' },
  { noun: 'robotic planning', area: 'Language-Conditioned Robot Planning', metric: 'task success rate' },
  { noun: 'time-series forecasting', area: 'Time-Series Foundation Models', metric: 'forecast error' },
  { noun: 'theorem proving', area: 'Neural Theorem Proving', metric: 'proof success rate' },
  { noun: 'machine translation', area: 'Machine Translation', metric: 'BLEU' },
  { noun: 'model merging', area: 'Model Merging', metric: 'average accuracy' },
  { noun: 'sparse attention', area: 'Sparse Attention', metric: 'memory footprint' },
  { noun: 'KV-cache compression', area: 'KV-Cache Compression', metric: 'memory footprint' },
  { noun: 'continual pretraining', area: 'Continual Pretraining', metric: 'forgetting' },
  { noun: 'LLM serving', area: 'LLM Serving', metric: 'goodput' },
];

const NAME_HEADS = ['Ar', 'Bel', 'Cor', 'Del', 'Fen', 'Gal', 'Hel', 'Ix', 'Jor', 'Kel', 'Lum', 'Mer', 'Nov', 'Or', 'Pax', 'Quil', 'Ros', 'Sol', 'Tor', 'Ul', 'Ves', 'Wyn', 'Zep', 'Tal', 'Mir'];
const NAME_TAILS = ['a', 'ix', 'on', 'us', 'er', 'is', 'o', 'ora', 'ane', 'eus', 'ia', 'yn'];
const ADJECTIVES = ['Efficient', 'Robust', 'Compute-Optimal', 'Data-Efficient', 'Scalable', 'Predictable', 'Memory-Aware', 'Communication-Efficient', 'Stable', 'Adaptive'];
const GERUNDS = ['Rethinking', 'Accelerating', 'Improving', 'Stabilizing', 'Simplifying', 'Scaling'];
const MECHANISMS = ['Adaptive Token Routing', 'Learned Data Mixtures', 'Low-Rank Projections', 'Curriculum Sampling', 'Structured Sparsity', 'Spectral Regularization', 'Asynchronous Checkpointing', 'Lookahead Scheduling', 'Contrastive Distillation', 'Hierarchical Caching', 'Loss-Aware Sampling', 'Progressive Growing'];
const MODEL_FAMILIES = ['Large Language Models', 'Language Models', 'Foundation Models', 'Small Language Models'];

function systemName(rng: Rng): string {
  if (rng.chance(0.3)) {
    const letters = 'ABCDEFGHIKLMNPRSTVWXZ';
    const length = rng.int(3, 5);
    return Array.from({ length }, () => rng.pick([...letters])).join('');
  }
  return rng.pick(NAME_HEADS) + rng.pick(NAME_TAILS);
}

export interface GeneratedPaperText {
  title: string;
  tldr: string;
}

/** A title and TL;DR for a generated citing paper about `topic`. */
export function generatePaperText(rng: Rng, topic: Topic): GeneratedPaperText {
  const name = systemName(rng);
  const adjective = rng.pick(ADJECTIVES);
  const mechanism = rng.pick(MECHANISMS);
  const family = rng.pick(MODEL_FAMILIES);
  const gain = rng.int(4, 38);
  const speedup = (1 + rng.int(12, 38) / 10).toFixed(1);
  const sizes = rng.int(4, 12);

  const shapes: (() => GeneratedPaperText)[] = [
    () => ({
      title: `${name}: ${rng.pick(GERUNDS)} ${topic.area} for ${family}`,
      tldr: `${name} improves ${topic.noun} with ${mechanism.toLowerCase()}, improving ${topic.metric} by ${gain}% over strong baselines.`,
    }),
    () => ({
      title: `${name}: ${adjective} ${topic.area} via ${mechanism}`,
      tldr: `${name} uses ${mechanism.toLowerCase()} to make ${topic.noun} ${speedup}x cheaper at equal ${topic.metric}.`,
    }),
    () => ({
      title: `Scaling Laws for ${topic.area}`,
      tldr: `Across ${sizes} model sizes, ${topic.metric} in ${topic.noun} follows a power law in compute whose exponent depends on data quality.`,
    }),
    () => ({
      title: `How Far Does ${topic.area} Scale? An Empirical Study`,
      tldr: `An empirical study of ${topic.noun} over ${sizes} model sizes finds that gains shrink with scale unless data grows with the model.`,
    }),
    () => ({
      title: `Revisiting ${topic.area} at Scale`,
      tldr: `Revisiting ${topic.noun} with models up to 70B parameters shows that common small-scale conclusions reverse beyond 7B.`,
    }),
    () => ({
      title: `Towards ${adjective} ${topic.area} with ${mechanism}`,
      tldr: `${mechanism} makes ${topic.noun} ${adjective.toLowerCase()}, matching a ${speedup}x larger baseline in ${topic.metric}.`,
    }),
    () => ({
      title: `On the Limits of ${topic.area} in ${family}`,
      tldr: `${topic.noun.charAt(0).toUpperCase()}${topic.noun.slice(1)} saturates early in ${family.toLowerCase()}, and a simple diagnostic predicts when extra scale stops helping.`,
    }),
    () => ({
      title: `${name}: A Benchmark for ${topic.area}`,
      tldr: `${name} is a benchmark for ${topic.noun} on which the strongest models trail human experts by ${gain} points.`,
    }),
  ];
  return rng.pick(shapes)();
}

const VENUES = [
  'arXiv.org', 'arXiv.org', 'arXiv.org', 'arXiv.org', 'arXiv.org',
  'Neural Information Processing Systems', 'International Conference on Learning Representations',
  'International Conference on Machine Learning', 'Annual Meeting of the Association for Computational Linguistics',
  'Conference on Empirical Methods in Natural Language Processing', 'Transactions on Machine Learning Research',
  'Conference on Machine Learning and Systems', 'USENIX Symposium on Operating Systems Design and Implementation',
];

export function generateVenue(rng: Rng): string {
  return rng.pick(VENUES);
}

const GIVEN_NAMES = [
  'Aiko', 'Amara', 'Andrei', 'Beatriz', 'Chen', 'Dmitri', 'Elif', 'Fatima', 'Gabriel', 'Hana', 'Ibrahim', 'Ines',
  'Jun', 'Kavya', 'Lars', 'Leila', 'Lucas', 'Mei', 'Mateo', 'Nadia', 'Noah', 'Olu', 'Priya', 'Quentin', 'Rafael',
  'Sana', 'Sofia', 'Tariq', 'Tomas', 'Uma', 'Valentina', 'Wei', 'Xin', 'Yara', 'Yusuf', 'Zhen', 'Ana', 'Bo',
  'Carla', 'Daniel', 'Emma', 'Farid', 'Grace', 'Hiroshi', 'Ivan', 'Jana', 'Kofi', 'Lina', 'Marta', 'Nikhil',
];
const FAMILY_NAMES = [
  'Abebe', 'Almeida', 'Andersen', 'Bauer', 'Chandra', 'Chen', 'Costa', 'Dubois', 'Eriksson', 'Fernandes', 'Fischer',
  'Garcia', 'Haddad', 'Hoang', 'Ivanova', 'Jensen', 'Kato', 'Kim', 'Kowalski', 'Kumar', 'Laine', 'Li', 'Liu',
  'Mendes', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Ozturk', 'Park', 'Petrov', 'Qureshi', 'Rahman', 'Rossi',
  'Sato', 'Schmidt', 'Silva', 'Singh', 'Suzuki', 'Tanaka', 'Tran', 'Varga', 'Wang', 'Weber', 'Wu', 'Xu', 'Yamamoto',
  'Yilmaz', 'Zhang', 'Zhao',
];

/** Plausible author names; the README states they are generated. */
export function generateAuthorNames(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const middle = rng.chance(0.15) ? ` ${rng.pick([...'ABCDEFGHJKLMNPRST'])}.` : '';
    names.add(`${rng.pick(GIVEN_NAMES)}${middle} ${rng.pick(FAMILY_NAMES)}`);
  }
  return [...names];
}

/** The topic whose words best match a real paper's title and TL;DR, so its generated contexts fit it. */
export function topicFor(text: string, fallback: Topic): Topic {
  const lower = text.toLowerCase();
  const rules: [RegExp, string][] = [
    [/pipeline|parallel|fsdp|gpu|cluster|training system|supercomputer/, 'pipeline-parallel training'],
    [/moe|mixture-of-experts|expert/, 'mixture-of-experts inference'],
    [/serving|inference|kv cache|decoding/, 'LLM serving'],
    [/edge/, 'edge inference'],
    [/reason|math|gsm8k|chain|thought|step by step/, 'mathematical reasoning'],
    [/embedding/, 'text embedding models'],
    [/image|vision|visual|video|multimodal|multi-modal/, 'vision-language pretraining'],
    [/robot|embodiment|affordance/, 'robotic planning'],
    [/privacy|membership|dp /, 'membership inference'],
    [/audio|speech/, 'speech language modelling'],
    [/translation|hebrew|multilingual|chinese/, 'multilingual pretraining'],
    [/diffusion/, 'diffusion language modelling'],
    [/dataset|corpus|data|pile/, 'data mixture selection'],
    [/optimi[sz]er|learning rate|batch size|warmstart/, 'optimizer design'],
    [/quantum|adapter|lora/, 'low-rank adaptation'],
  ];
  for (const [pattern, noun] of rules) {
    if (pattern.test(lower)) return TOPICS.find((topic) => topic.noun === noun) ?? fallback;
  }
  return fallback;
}
