/*
 * Hand-curated bibliographic facts the reference captures do not carry: dates, arXiv ids and author
 * lists of well-known works (the two targets, the works commonly cited alongside them, and the
 * citing papers whose TL;DRs the captures show without a title). Author lists of long papers are
 * cut to their first authors. Citation counts of non-target works are rough magnitudes for display,
 * not measurements. Written TL;DRs (`tldr`) are short descriptions written for this sample where the
 * captures give none; the README says so.
 */

export interface KnownWork {
  key: string;
  title: string;
  arxivId?: string;
  /** YYYY-MM-DD (first version). */
  publicationDate: string;
  authors: string[];
  venue: string;
  citationCount: number;
  /** How citing sentences refer to it, e.g. "Brown et al., 2020". */
  shortCite: string;
  tldr?: string;
}

export const GOPHER_WORK: KnownWork = {
  key: 'gopher',
  title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
  arxivId: '2112.11446',
  publicationDate: '2021-12-08',
  authors: [
    'Jack W. Rae', 'Sebastian Borgeaud', 'Trevor Cai', 'Katie Millican', 'Jordan Hoffmann', 'Francis Song',
    'John Aslanides', 'Sarah Henderson', 'Roman Ring', 'Susannah Young', 'Eliza Rutherford', 'Tom Hennigan',
    'Jacob Menick', 'Albin Cassirer', 'Richard Powell', 'George van den Driessche', 'Lisa Anne Hendricks',
    'Maribeth Rauh', 'Po-Sen Huang', 'Amelia Glaese', 'Johannes Welbl', 'Sumanth Dathathri', 'Saffron Huang',
    'Jonathan Uesato', 'John Mellor', 'Irina Higgins', 'Antonia Creswell', 'Nat McAleese', 'Amy Wu', 'Erich Elsen',
    'Siddhant Jayakumar', 'Elena Buchatskaya', 'David Budden', 'Esme Sutherland', 'Karen Simonyan',
    'Michela Paganini', 'Laurent Sifre', 'Lena Martens', 'Xiang Lorraine Li', 'Adhiguna Kuncoro',
    'Aida Nematzadeh', 'Elena Gribovskaya', 'Domenic Donato', 'Angeliki Lazaridou', 'Arthur Mensch',
    'Jean-Baptiste Lespiau', 'Maria Tsimpoukelli', 'Nikolai Grigorev', 'Doug Fritz', 'Thibault Sottiaux',
    'Mantas Pajarskas', 'Toby Pohlen', 'Zhitao Gong', 'Daniel Toyama', "Cyprien de Masson d'Autume", 'Yujia Li',
    'Tayfun Terzi', 'Vladimir Mikulik', 'Igor Babuschkin', 'Aidan Clark', 'Diego de Las Casas', 'Aurelia Guy',
    'Chris Jones', 'James Bradbury', 'Matthew Johnson', 'Blake Hechtman', 'Laura Weidinger', 'Iason Gabriel',
    'William Isaac', 'Ed Lockhart', 'Simon Osindero', 'Laura Rimell', 'Chris Dyer', 'Oriol Vinyals',
    'Kareem Ayoub', 'Jeff Stanway', 'Lorrayne Bennett', 'Demis Hassabis', 'Koray Kavukcuoglu', 'Geoffrey Irving',
  ],
  venue: 'arXiv.org',
  citationCount: 0, // replaced by the number of citation edges
  shortCite: 'Rae et al., 2021',
};

export const SCALING_LAWS_WORK: KnownWork = {
  key: 'scalingLaws',
  title: 'Scaling Laws for Neural Language Models',
  arxivId: '2001.08361',
  publicationDate: '2020-01-23',
  authors: [
    'Jared Kaplan', 'Sam McCandlish', 'Tom Henighan', 'Tom B. Brown', 'Benjamin Chess', 'Rewon Child',
    'Scott Gray', 'Alec Radford', 'Jeffrey Wu', 'Dario Amodei',
  ],
  venue: 'arXiv.org',
  citationCount: 0, // replaced by the number of citation edges
  shortCite: 'Kaplan et al., 2020',
};

/** Works frequently cited together with the targets; abstracts come from the similar-papers capture when it lists them. */
export const CO_CITED_WORKS: KnownWork[] = [
  {
    key: 'gpt3', title: 'Language Models are Few-Shot Learners', arxivId: '2005.14165', publicationDate: '2020-05-28',
    authors: ['Tom B. Brown', 'Benjamin Mann', 'Nick Ryder', 'Melanie Subbiah', 'Jared Kaplan', 'Prafulla Dhariwal', 'Arvind Neelakantan', 'Pranav Shyam', 'Girish Sastry', 'Amanda Askell', 'Dario Amodei'],
    venue: 'Neural Information Processing Systems', citationCount: 41000, shortCite: 'Brown et al., 2020',
  },
  {
    key: 'chinchilla', title: 'Training Compute-Optimal Large Language Models', arxivId: '2203.15556', publicationDate: '2022-03-29',
    authors: ['Jordan Hoffmann', 'Sebastian Borgeaud', 'Arthur Mensch', 'Elena Buchatskaya', 'Trevor Cai', 'Eliza Rutherford', 'Diego de Las Casas', 'Lisa Anne Hendricks', 'Johannes Welbl', 'Aidan Clark', 'Laurent Sifre'],
    venue: 'arXiv.org', citationCount: 2600, shortCite: 'Hoffmann et al., 2022',
  },
  {
    key: 'palm', title: 'PaLM: Scaling Language Modeling with Pathways', arxivId: '2204.02311', publicationDate: '2022-04-05',
    authors: ['Aakanksha Chowdhery', 'Sharan Narang', 'Jacob Devlin', 'Maarten Bosma', 'Gaurav Mishra', 'Adam Roberts', 'Paul Barham', 'Hyung Won Chung', 'Charles Sutton', 'Sebastian Gehrmann', 'Noah Fiedel'],
    venue: 'Journal of machine learning research', citationCount: 6800, shortCite: 'Chowdhery et al., 2022',
  },
  {
    key: 'attention', title: 'Attention Is All You Need', arxivId: '1706.03762', publicationDate: '2017-06-12',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'],
    venue: 'Neural Information Processing Systems', citationCount: 150000, shortCite: 'Vaswani et al., 2017',
    tldr: 'The Transformer, a sequence transduction architecture built entirely on attention, outperforms recurrent and convolutional models on machine translation while training faster.',
  },
  {
    key: 'bert', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', arxivId: '1810.04805', publicationDate: '2018-10-11',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    venue: 'North American Chapter of the Association for Computational Linguistics', citationCount: 100000, shortCite: 'Devlin et al., 2019',
    tldr: 'BERT pre-trains deep bidirectional Transformer encoders with masked language modelling and next-sentence prediction, then fine-tunes them for downstream language understanding tasks.',
  },
  {
    key: 't5', title: 'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer', arxivId: '1910.10683', publicationDate: '2019-10-23',
    authors: ['Colin Raffel', 'Noam Shazeer', 'Adam Roberts', 'Katherine Lee', 'Sharan Narang', 'Michael Matena', 'Yanqi Zhou', 'Wei Li', 'Peter J. Liu'],
    venue: 'Journal of machine learning research', citationCount: 19000, shortCite: 'Raffel et al., 2020',
    tldr: 'T5 casts every language task as text-to-text and systematically compares pre-training objectives, architectures, data sets and transfer approaches at scale.',
  },
  {
    key: 'gpt2', title: 'Language Models are Unsupervised Multitask Learners', publicationDate: '2019-02-14',
    authors: ['Alec Radford', 'Jeff Wu', 'Rewon Child', 'David Luan', 'Dario Amodei', 'Ilya Sutskever'],
    venue: '', citationCount: 21000, shortCite: 'Radford et al., 2019',
    tldr: 'GPT-2 shows that a large language model trained on WebText performs many tasks zero-shot, without task-specific training.',
  },
  {
    key: 'megatronLm', title: 'Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism', arxivId: '1909.08053', publicationDate: '2019-09-17',
    authors: ['Mohammad Shoeybi', 'Mostofa Patwary', 'Raul Puri', 'Patrick LeGresley', 'Jared Casper', 'Bryan Catanzaro'],
    venue: 'arXiv.org', citationCount: 1900, shortCite: 'Shoeybi et al., 2019',
    tldr: 'Intra-layer model parallelism lets Transformer language models with billions of parameters train efficiently across many GPUs.',
  },
  {
    key: 'mtNlg', title: 'Using DeepSpeed and Megatron to Train Megatron-Turing NLG 530B, A Large-Scale Generative Language Model', arxivId: '2201.11990', publicationDate: '2022-01-28',
    authors: ['Shaden Smith', 'Mostofa Patwary', 'Brandon Norick', 'Patrick LeGresley', 'Samyam Rajbhandari', 'Jared Casper', 'Zhun Liu', 'Shrimai Prabhumoye', 'George Zerveas', 'Vijay Korthikanti', 'Bryan Catanzaro'],
    venue: 'arXiv.org', citationCount: 800, shortCite: 'Smith et al., 2022',
    tldr: 'Training details and evaluation of a 530B-parameter dense language model trained with combined DeepSpeed and Megatron parallelism.',
  },
  {
    key: 'lamda', title: 'LaMDA: Language Models for Dialog Applications', arxivId: '2201.08239', publicationDate: '2022-01-20',
    authors: ['Romal Thoppilan', 'Daniel De Freitas', 'Jamie Hall', 'Noam Shazeer', 'Apoorv Kulshreshtha', 'Heng-Tze Cheng', 'Quoc Le'],
    venue: 'arXiv.org', citationCount: 1700, shortCite: 'Thoppilan et al., 2022',
    tldr: 'LaMDA is a family of dialogue language models whose safety and factual grounding improve with fine-tuning on annotated data and access to external tools.',
  },
  {
    key: 'jurassic', title: 'Jurassic-1: Technical Details and Evaluation', publicationDate: '2021-08-11',
    authors: ['Opher Lieber', 'Or Sharir', 'Barak Lenz', 'Yoav Shoham'],
    venue: '', citationCount: 250, shortCite: 'Lieber et al., 2021',
    tldr: 'A technical report describing a 178B-parameter autoregressive language model with a large vocabulary and its zero- and few-shot evaluation.',
  },
  {
    key: 'retro', title: 'Improving language models by retrieving from trillions of tokens', arxivId: '2112.04426', publicationDate: '2021-12-08',
    authors: ['Sebastian Borgeaud', 'Arthur Mensch', 'Jordan Hoffmann', 'Trevor Cai', 'Eliza Rutherford', 'Katie Millican', 'Laurent Sifre'],
    venue: 'International Conference on Machine Learning', citationCount: 1000, shortCite: 'Borgeaud et al., 2022',
    tldr: 'RETRO conditions a language model on chunks retrieved from a 2-trillion-token database and matches much larger models with far fewer parameters.',
  },
  {
    key: 'ethicalRisks', title: 'Ethical and social risks of harm from Language Models', arxivId: '2112.04359', publicationDate: '2021-12-08',
    authors: ['Laura Weidinger', 'John Mellor', 'Maribeth Rauh', 'Conor Griffin', 'Jonathan Uesato', 'Po-Sen Huang', 'Myra Cheng', 'Iason Gabriel'],
    venue: 'arXiv.org', citationCount: 1100, shortCite: 'Weidinger et al., 2021',
    tldr: 'A taxonomy of ethical and social risks from large language models, spanning discrimination, information hazards, misinformation, malicious uses and environmental harms.',
  },
  {
    key: 'pile', title: 'The Pile: An 800GB Dataset of Diverse Text for Language Modeling', arxivId: '2101.00027', publicationDate: '2020-12-31',
    authors: ['Leo Gao', 'Stella Biderman', 'Sid Black', 'Laurence Golding', 'Travis Hoppe', 'Charles Foster', 'Jason Phang', 'Horace He', 'Anish Thite', 'Noa Nabeshima', 'Shawn Presser', 'Connor Leahy'],
    venue: 'arXiv.org', citationCount: 1800, shortCite: 'Gao et al., 2020',
  },
  {
    key: 'hestness', title: 'Deep Learning Scaling is Predictable, Empirically', arxivId: '1712.00409', publicationDate: '2017-12-01',
    authors: ['Joel Hestness', 'Sharan Narang', 'Newsha Ardalani', 'Gregory Diamos', 'Heewoo Jun', 'Hassan Kianinejad', 'Md. Mostofa Ali Patwary', 'Yang Yang', 'Yanqi Zhou'],
    venue: 'arXiv.org', citationCount: 900, shortCite: 'Hestness et al., 2017',
    tldr: 'Generalization error falls as a power law in training set size across machine translation, language modelling, image classification and speech recognition.',
  },
  {
    key: 'henighan', title: 'Scaling Laws for Autoregressive Generative Modeling', arxivId: '2010.14701', publicationDate: '2020-10-28',
    authors: ['Tom Henighan', 'Jared Kaplan', 'Mor Katz', 'Mark Chen', 'Christopher Hesse', 'Jacob Jackson', 'Heewoo Jun', 'Tom B. Brown', 'Prafulla Dhariwal', 'Scott Gray', 'Sam McCandlish'],
    venue: 'arXiv.org', citationCount: 450, shortCite: 'Henighan et al., 2020',
    tldr: 'Power-law scaling of loss with model size and compute holds for autoregressive generative models of images, video, multimodal data and mathematics.',
  },
  {
    key: 'llama', title: 'LLaMA: Open and Efficient Foundation Language Models', arxivId: '2302.13971', publicationDate: '2023-02-27',
    authors: ['Hugo Touvron', 'Thibaut Lavril', 'Gautier Izacard', 'Xavier Martinet', 'Marie-Anne Lachaux', 'Timothée Lacroix', 'Baptiste Rozière', 'Naman Goyal', 'Eric Hambro', 'Faisal Azhar', 'Aurelien Rodriguez', 'Armand Joulin', 'Edouard Grave', 'Guillaume Lample'],
    venue: 'arXiv.org', citationCount: 14000, shortCite: 'Touvron et al., 2023',
    tldr: 'LLaMA models from 7B to 65B parameters, trained only on publicly available data, match or exceed much larger models on most benchmarks.',
  },
  {
    key: 'instructGpt', title: 'Training language models to follow instructions with human feedback', arxivId: '2203.02155', publicationDate: '2022-03-04',
    authors: ['Long Ouyang', 'Jeff Wu', 'Xu Jiang', 'Diogo Almeida', 'Carroll L. Wainwright', 'Pamela Mishkin', 'Chong Zhang', 'Sandhini Agarwal', 'Katarina Slama', 'Alex Ray', 'Ryan Lowe'],
    venue: 'Neural Information Processing Systems', citationCount: 11000, shortCite: 'Ouyang et al., 2022',
    tldr: 'Fine-tuning GPT-3 with supervised demonstrations and reinforcement learning from human feedback yields InstructGPT, whose outputs people prefer despite far fewer parameters.',
  },
  {
    key: 'emergent', title: 'Emergent Abilities of Large Language Models', arxivId: '2206.07682', publicationDate: '2022-06-15',
    authors: ['Jason Wei', 'Yi Tay', 'Rishi Bommasani', 'Colin Raffel', 'Barret Zoph', 'Sebastian Borgeaud', 'Dani Yogatama', 'Maarten Bosma', 'Denny Zhou', 'Donald Metzler', 'Ed H. Chi', 'Tatsunori Hashimoto', 'Oriol Vinyals', 'Percy Liang', 'Jeff Dean', 'William Fedus'],
    venue: 'Transactions on Machine Learning Research', citationCount: 2500, shortCite: 'Wei et al., 2022a',
  },
  {
    key: 'flan', title: 'Scaling Instruction-Finetuned Language Models', arxivId: '2210.11416', publicationDate: '2022-10-20',
    authors: ['Hyung Won Chung', 'Le Hou', 'Shayne Longpre', 'Barret Zoph', 'Yi Tay', 'William Fedus', 'Jason Wei'],
    venue: 'Journal of machine learning research', citationCount: 2900, shortCite: 'Chung et al., 2022',
  },
  {
    key: 'switch', title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity', arxivId: '2101.03961', publicationDate: '2021-01-11',
    authors: ['William Fedus', 'Barret Zoph', 'Noam Shazeer'],
    venue: 'Journal of machine learning research', citationCount: 2300, shortCite: 'Fedus et al., 2022',
    tldr: 'Switch Transformers route each token to a single expert, simplifying mixture-of-experts training and scaling to trillion-parameter models.',
  },
  {
    key: 'mmlu', title: 'Measuring Massive Multitask Language Understanding', arxivId: '2009.03300', publicationDate: '2020-09-07',
    authors: ['Dan Hendrycks', 'Collin Burns', 'Steven Basart', 'Andy Zou', 'Mantas Mazeika', 'Dawn Song', 'Jacob Steinhardt'],
    venue: 'International Conference on Learning Representations', citationCount: 3500, shortCite: 'Hendrycks et al., 2021',
    tldr: 'MMLU is a 57-subject multiple-choice benchmark measuring the world knowledge and problem solving of language models.',
  },
  {
    key: 'adam', title: 'Adam: A Method for Stochastic Optimization', arxivId: '1412.6980', publicationDate: '2014-12-22',
    authors: ['Diederik P. Kingma', 'Jimmy Ba'],
    venue: 'International Conference on Learning Representations', citationCount: 140000, shortCite: 'Kingma and Ba, 2015',
    tldr: 'Adam is a first-order stochastic optimizer that uses adaptive estimates of lower-order moments of the gradients.',
  },
  {
    key: 'pythia', title: 'Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling', arxivId: '2304.01373', publicationDate: '2023-04-03',
    authors: ['Stella Biderman', 'Hailey Schoelkopf', 'Quentin Anthony', 'Herbie Bradley', "Kyle O'Brien", 'Eric Hallahan', 'Mohammad Aflah Khan', 'Shivanshu Purohit', 'USVSN Sai Prashanth', 'Edward Raff', 'Aviya Skowron', 'Lintang Sutawika', 'Oskar van der Wal'],
    venue: 'International Conference on Machine Learning', citationCount: 1100, shortCite: 'Biderman et al., 2023',
  },
  {
    key: 'dataConstrained', title: 'Scaling Data-Constrained Language Models', arxivId: '2305.16264', publicationDate: '2023-05-25',
    authors: ['Niklas Muennighoff', 'Alexander M. Rush', 'Boaz Barak', 'Teven Le Scao', 'Aleksandra Piktus', 'Nouamane Tazi', 'Sampo Pyysalo', 'Thomas Wolf', 'Colin Raffel'],
    venue: 'Neural Information Processing Systems', citationCount: 300, shortCite: 'Muennighoff et al., 2023',
  },
  {
    key: 'cot', title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models', arxivId: '2201.11903', publicationDate: '2022-01-28',
    authors: ['Jason Wei', 'Xuezhi Wang', 'Dale Schuurmans', 'Maarten Bosma', 'Brian Ichter', 'Fei Xia', 'Ed H. Chi', 'Quoc Le', 'Denny Zhou'],
    venue: 'Neural Information Processing Systems', citationCount: 9000, shortCite: 'Wei et al., 2022b',
  },
  {
    key: 'opt', title: 'OPT: Open Pre-trained Transformer Language Models', arxivId: '2205.01068', publicationDate: '2022-05-02',
    authors: ['Susan Zhang', 'Stephen Roller', 'Naman Goyal', 'Mikel Artetxe', 'Moya Chen', 'Shuohui Chen', 'Christopher Dewan', 'Mona Diab', 'Xian Li', 'Xi Victoria Lin', 'Luke Zettlemoyer'],
    venue: 'arXiv.org', citationCount: 3300, shortCite: 'Zhang et al., 2022',
  },
  {
    key: 'bloom', title: 'BLOOM: A 176B-Parameter Open-Access Multilingual Language Model', arxivId: '2211.05100', publicationDate: '2022-11-09',
    authors: ['Teven Le Scao', 'Angela Fan', 'Christopher Akiki', 'Ellie Pavlick', 'Suzana Ilić', 'Daniel Hesslow', 'Roman Castagné', 'Alexandra Sasha Luccioni', 'François Yvon', 'Matthias Gallé'],
    venue: 'arXiv.org', citationCount: 2100, shortCite: 'Le Scao et al., 2022',
  },
];

/**
 * Identities for citing papers the captures show only by TL;DR (matched by the TL;DR's opening
 * words). `generatedTitle` marks titles written for this sample from the TL;DR because the capture
 * names no title; those entries get no arXiv id and generated authors.
 */
export type CitingIdentity =
  /** The citing paper is one of CO_CITED_WORKS (same record, cited and citing). */
  | { tldrStartsWith: string; workKey: string }
  | {
      tldrStartsWith: string;
      title: string;
      publicationDate: string;
      arxivId?: string;
      authors?: string[];
      venue: string;
      generatedTitle?: true;
    };

export const CITING_IDENTITIES: CitingIdentity[] = [
  { tldrStartsWith: 'Chain-of-thought prompting', workKey: 'cot' },
  { tldrStartsWith: 'OPT releases open decoder-only', workKey: 'opt' },
  { tldrStartsWith: 'BLOOM is a 176B-parameter', workKey: 'bloom' },
  { tldrStartsWith: 'The Pile is a newly constructed', workKey: 'pile' },
  { tldrStartsWith: 'Pythia releases 16', workKey: 'pythia' },
  {
    tldrStartsWith: 'Hebatron is the first', title: 'Hebatron: An Open-Weight Hebrew Mixture-of-Experts Language Model Adapted from Nemotron-3',
    publicationDate: '2026-02-17', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Semantic-level and verification-based uncertainty', title: 'Uncertainty Estimation for Audio Reasoning in Audio Large Language Models',
    publicationDate: '2025-10-06', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'o1-like models overthink', title: 'Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs', arxivId: '2412.21187',
    publicationDate: '2024-12-30', venue: 'arXiv.org',
    authors: ['Xingyu Chen', 'Jiahao Xu', 'Tian Liang', 'Zhiwei He', 'Jianhui Pang', 'Dian Yu', 'Linfeng Song', 'Qiuzhi Liu', 'Mengfei Zhou', 'Zhuosheng Zhang', 'Rui Wang', 'Zhaopeng Tu', 'Haitao Mi', 'Dong Yu'],
  },
  {
    tldrStartsWith: 'C-Pack releases', title: 'C-Pack: Packaged Resources To Advance General Chinese Embedding', arxivId: '2309.07597',
    publicationDate: '2023-09-14', venue: 'Annual International ACM SIGIR Conference on Research and Development in Information Retrieval',
    authors: ['Shitao Xiao', 'Zheng Liu', 'Peitian Zhang', 'Niklas Muennighoff'],
  },
  {
    tldrStartsWith: 'Speculative sampling accelerates', title: 'Accelerating Large Language Model Decoding with Speculative Sampling', arxivId: '2302.01318',
    publicationDate: '2023-02-02', venue: 'arXiv.org',
    authors: ['Charlie Chen', 'Sebastian Borgeaud', 'Geoffrey Irving', 'Jean-Baptiste Lespiau', 'Laurent Sifre', 'John Jumper'],
  },
  {
    tldrStartsWith: 'PoT prompting improves', title: 'Program of Thoughts Prompting: Disentangling Computation from Reasoning for Numerical Reasoning Tasks', arxivId: '2211.12588',
    publicationDate: '2022-11-22', venue: 'Transactions on Machine Learning Research',
    authors: ['Wenhu Chen', 'Xueguang Ma', 'Xinyi Wang', 'William W. Cohen'],
  },
  {
    tldrStartsWith: "Adding the fixed prompt 'Let's think step by step'", title: 'Large Language Models are Zero-Shot Reasoners', arxivId: '2205.11916',
    publicationDate: '2022-05-24', venue: 'Neural Information Processing Systems',
    authors: ['Takeshi Kojima', 'Shixiang Shane Gu', 'Machel Reid', 'Yutaka Matsuo', 'Yusuke Iwasawa'],
  },
  {
    tldrStartsWith: 'Imagen achieves', title: 'Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding', arxivId: '2205.11487',
    publicationDate: '2022-05-23', venue: 'Neural Information Processing Systems',
    authors: ['Chitwan Saharia', 'William Chan', 'Saurabh Saxena', 'Lala Li', 'Jay Whang', 'Emily Denton', 'Mohammad Norouzi'],
  },
  {
    tldrStartsWith: 'Gato is a multi-modal', title: 'A Generalist Agent', arxivId: '2205.06175',
    publicationDate: '2022-05-12', venue: 'Transactions on Machine Learning Research',
    authors: ['Scott Reed', 'Konrad Zolna', 'Emilio Parisotto', 'Sergio Gómez Colmenarejo', 'Alexander Novikov', 'Gabriel Barth-Maron', 'Nando de Freitas'],
  },
  {
    tldrStartsWith: 'Flamingo models reach', title: 'Flamingo: a Visual Language Model for Few-Shot Learning', arxivId: '2204.14198',
    publicationDate: '2022-04-29', venue: 'Neural Information Processing Systems',
    authors: ['Jean-Baptiste Alayrac', 'Jeff Donahue', 'Pauline Luc', 'Antoine Miech', 'Iain Barr', 'Yana Hasson', 'Karel Lenc', 'Arthur Mensch', 'Katie Millican', 'Malcolm Reynolds', 'Karen Simonyan'],
  },
  {
    tldrStartsWith: "SayCan combines an LLM's", title: 'Do As I Can, Not As I Say: Grounding Language in Robotic Affordances', arxivId: '2204.01691',
    publicationDate: '2022-04-04', venue: 'Conference on Robot Learning',
    authors: ['Michael Ahn', 'Anthony Brohan', 'Noah Brown', 'Yevgen Chebotar', 'Omar Cortes', 'Byron David', 'Chelsea Finn', 'Andy Zeng'],
  },
  {
    tldrStartsWith: 'A 2x growth factor in model warmstarting', title: 'How Much to Grow? Growth Factors for Warmstarting Language Model Training',
    publicationDate: '2025-06-11', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'A shared global expert pool in MoE', title: 'One Pool for All Layers: Shared Global Experts for Mixture-of-Experts Transformers',
    publicationDate: '2025-09-23', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Spectral analysis of activations and gradients', title: 'Spectral Diagnostics of Activations and Gradients in Decoder-Only Language Model Training',
    publicationDate: '2025-11-04', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Temporal reasoning is not the core bottleneck', title: 'Beyond Temporal Reasoning: Text-to-Event Mapping as the Bottleneck of Time-Based Question Answering',
    publicationDate: '2025-08-19', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'InfoLaw models pretraining', title: 'InfoLaw: Pretraining as Information Accumulation under Data Quality and Repetition',
    publicationDate: '2026-01-27', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'MetaRL pre-trained on GBWM', title: 'Meta-Reinforcement Learning for Goal-Based Wealth Management',
    publicationDate: '2025-05-08', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'CoLA reveals that subset training', title: 'CoLA: Privacy Leakage from Coreset Selection in Subset Training',
    publicationDate: '2025-07-15', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'A multi-agent AI system generates', title: 'Towards an AI co-scientist', arxivId: '2502.18864',
    publicationDate: '2025-02-26', venue: 'arXiv.org',
    authors: ['Juraj Gottweis', 'Wei-Hung Weng', 'Alexander Daryin', 'Tao Tu', 'Anil Palepu', 'Vivek Natarajan'],
  },
  {
    tldrStartsWith: 'MiniCPM 1.2B and 2.4B', title: 'MiniCPM: Unveiling the Potential of Small Language Models with Scalable Training Strategies', arxivId: '2404.06395',
    publicationDate: '2024-04-09', venue: 'arXiv.org',
    authors: ['Shengding Hu', 'Yuge Tu', 'Xu Han', 'Chaoqun He', 'Ganqu Cui', 'Maosong Sun'],
  },
  {
    tldrStartsWith: 'DeepSpeed-Ulysses keeps', title: 'DeepSpeed Ulysses: System Optimizations for Enabling Training of Extreme Long Sequence Transformer Models', arxivId: '2309.14509',
    publicationDate: '2023-09-25', venue: 'arXiv.org',
    authors: ['Sam Ade Jacobs', 'Masahiro Tanaka', 'Chengming Zhang', 'Minjia Zhang', 'Shuaiwen Leon Song', 'Samyam Rajbhandari', 'Yuxiong He'],
  },
  {
    tldrStartsWith: 'ReST improves LLM translation', title: 'Reinforced Self-Training (ReST) for Language Modeling', arxivId: '2308.08998',
    publicationDate: '2023-08-17', venue: 'arXiv.org',
    authors: ['Caglar Gulcehre', 'Tom Le Paine', 'Srivatsan Srinivasan', 'Ksenia Konyushkova', 'Lotte Weerts', 'Abhishek Sharma', 'Orhan Firat', 'Nando de Freitas'],
  },
  // Scaling Laws page: representative TL;DRs without titles.
  {
    tldrStartsWith: 'BBO-Pile is the first', title: 'BBO-Pile: A Large-Scale Dataset of Black-Box Optimization Trajectories for Foundation Models',
    publicationDate: '2026-03-10', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Introduces the Synthetic Data Contamination Equilibrium', title: 'The Synthetic Data Contamination Equilibrium: Provenance Subsidies against Model Collapse',
    publicationDate: '2026-02-03', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Cayley unitary adapters', title: 'Quantum Cayley Adapters for Parameter-Efficient Language Model Fine-Tuning',
    publicationDate: '2025-12-02', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'ε-coresets for attention', title: 'Near-Optimal Coresets for Attention',
    publicationDate: '2025-10-21', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Transformer weight spectra exhibit', title: 'Compression Waves in Transformer Weight Spectra during Training',
    publicationDate: '2026-01-13', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Grokking reflects escape', title: 'Grokking as Escape from a Metastable Low-Dimensional Regime',
    publicationDate: '2025-09-30', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'The SDE benchmark shows', title: 'SDE: Benchmarking Language Models on Scientific Discovery Tasks',
    publicationDate: '2025-12-16', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Transformers perform kernel-based prediction', title: 'In-Context Hölder Regression on Manifolds with Transformers',
    publicationDate: '2025-07-29', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Introduces hybrid noise', title: 'Convergent Hidden-State Differential Privacy for Zeroth-Order Optimization',
    publicationDate: '2026-02-24', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'LLaDA is a scalable', title: 'Large Language Diffusion Models', arxivId: '2502.09992',
    publicationDate: '2025-02-14', venue: 'arXiv.org',
    authors: ['Shen Nie', 'Fengqi Zhu', 'Zebin You', 'Xiaolu Zhang', 'Jingyang Ou', 'Jun Hu', 'Jun Zhou', 'Yankai Lin', 'Ji-Rong Wen', 'Chongxuan Li'],
  },
  {
    tldrStartsWith: 'ErrorRadar is a new benchmark', title: 'ErrorRadar: Benchmarking Complex Mathematical Reasoning of Multimodal Large Language Models Via Error Detection',
    publicationDate: '2024-10-06', venue: 'arXiv.org',
  },
  {
    tldrStartsWith: 'TTT layers treat the hidden state', title: 'Learning to (Learn at Test Time): RNNs with Expressive Hidden States', arxivId: '2407.04620',
    publicationDate: '2024-07-05', venue: 'arXiv.org',
    authors: ['Yu Sun', 'Xinhao Li', 'Karan Dalal', 'Jiarui Xu', 'Arjun Vikram', 'Genghan Zhang', 'Yann Dubois', 'Xinlei Chen', 'Xiaolong Wang', 'Sanmi Koyejo', 'Tatsunori Hashimoto', 'Carlos Guestrin'],
  },
  {
    tldrStartsWith: 'KANs with learnable univariate spline', title: 'KAN: Kolmogorov-Arnold Networks', arxivId: '2404.19756',
    publicationDate: '2024-04-30', venue: 'International Conference on Learning Representations',
    authors: ['Ziming Liu', 'Yixuan Wang', 'Sachin Vaidya', 'Fabian Ruehle', 'James Halverson', 'Marin Soljačić', 'Thomas Y. Hou', 'Max Tegmark'],
  },
  {
    tldrStartsWith: 'Tiny language models under 10M', title: 'TinyStories: How Small Can Language Models Be and Still Speak Coherent English?', arxivId: '2305.07759',
    publicationDate: '2023-05-12', venue: 'arXiv.org', authors: ['Ronen Eldan', 'Yuanzhi Li'],
  },
  {
    tldrStartsWith: 'Language models can automatically generate', title: 'Discovering Language Model Behaviors with Model-Written Evaluations', arxivId: '2212.09251',
    publicationDate: '2022-12-19', venue: 'Annual Meeting of the Association for Computational Linguistics',
    authors: ['Ethan Perez', 'Sam Ringer', 'Kamilė Lukošiūtė', 'Karina Nguyen', 'Edwin Chen', 'Scott Heiner', 'Craig Pettit', 'Jared Kaplan'],
  },
  {
    tldrStartsWith: 'SemRF supplies fixed semantic anchors', title: 'SemRF: Semantic Reference Frames for Residual-Stream Dynamics',
    publicationDate: '2026-03-31', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Cortex uses an Ontological Corpus Graph', title: 'Cortex: Structuring Web-Scale Pretraining Corpora with an Ontological Corpus Graph',
    publicationDate: '2025-11-18', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Token loss trajectories follow', title: 'Per-Token Loss Trajectories Reconstruct Scaling Laws',
    publicationDate: '2026-01-06', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'Fixed-clock optimizer memory', title: 'Shuffle Order as a Source of Fine-Tuning Noise under Optimizer Memory',
    publicationDate: '2026-02-10', venue: 'arXiv.org', generatedTitle: true,
  },
  {
    tldrStartsWith: 'A compute-aware framework using cumulative FLOPs', title: 'A Compute-Aware View of Alignment, Robustness and Attack Cost',
    publicationDate: '2025-12-09', venue: 'arXiv.org', generatedTitle: true,
  },
];

/** Dates for the explorer rows of the Scaling Laws capture (titles and TL;DRs are real; dates are assigned for this sample). */
export const EXPLORER_DATES: Record<string, string> = {
  'Efficient Training on Multiple Consumer GPUs with RoundPipe': '2026-04-21',
  'JanusPipe: Efficient Pipeline Parallel Training for Machine Learning Interatomic Potentials': '2026-04-14',
  'Tempus: A Temporally Scalable Resource-Invariant GEMM Streaming Framework for Versal AI Edge': '2026-04-02',
  'GhostServe: A Lightweight Checkpointing System in the Shadow for Fault-Tolerant LLM Serving': '2026-03-26',
  'TokenWeave: Efficient Compute-Communication Overlap for Distributed LLM Inference': '2025-05-16',
  'Addressing Variable Heterogeneity in Distributed Multimodal Training with Entrain': '2026-03-17',
  'A Tabular Schedule Abstraction for Communication-Aware Evaluation of Pipeline-Parallel LLM Training': '2026-03-05',
  'COPUS: Co-adaptive Parallelism and Batch Size Selection in Large Language Model Training': '2026-02-26',
  'veScale-FSDP: Flexible and High-Performance FSDP at Scale': '2026-02-12',
  'On Harnessing Idle Compute at the Edge for Foundation Model Training': '2026-02-05',
  'GRACE-MoE: Grouping and Replication with Locality-Aware Routing for Efficient Distributed MoE Inference': '2026-01-29',
  'Piper: Efficient Large-Scale MoE Training via Resource Modeling and Pipelined Hybrid Parallelism': '2026-01-22',
  'AC$^2$P$^2$SL: Adaptive Communication-Computation Pipeline Parallel Split Learning over Edge Networks': '2026-01-15',
  'Instant GPU Efficiency Visibility at Fleet Scale': '2026-01-08',
  'ProTrain: Efficient LLM Training via Memory-Aware Techniques': '2024-06-12',
  'CCL-D: A High-Precision Diagnostic System for Slow and Hang Anomalies in Large-Scale Model Training': '2025-12-18',
  'Position: LLM Serving Needs Mathematical Optimization and Algorithmic Foundations, Not Just Heuristics': '2025-12-04',
  'CoLLM: Continuous Adaptation for SLO-Aware LLM Serving on Shared GPU Clusters': '2025-11-20',
  'Network Edge Inference for Large Language Models: Principles, Techniques, and Opportunities': '2025-11-06',
  'An Engineering Journey Training Large Language Models at Scale on Alps: The Apertus Experience': '2025-10-23',
  'Cloud-native and Distributed Systems for Efficient and Scalable Large Language Models -- A Research Agenda': '2025-10-09',
  'Will LLMs Scaling Hit the Wall? Breaking Barriers via Distributed Resources on Massive Edge Devices': '2025-09-25',
};

/** Dates for the Gopher explorer rows that have no TL;DR identity above. */
export const GOPHER_EXPLORER_DATES: Record<string, { publicationDate: string; arxivId?: string; authors?: string[] }> = {
  'Large Language Models: A Survey': {
    publicationDate: '2024-02-09', arxivId: '2402.06196',
    authors: ['Shervin Minaee', 'Tomas Mikolov', 'Narjes Nikzad', 'Meysam Chenaghlu', 'Richard Socher', 'Xavier Amatriain', 'Jianfeng Gao'],
  },
  'A Survey of Large Language Models': {
    publicationDate: '2023-03-31', arxivId: '2303.18223',
    authors: ['Wayne Xin Zhao', 'Kun Zhou', 'Junyi Li', 'Tianyi Tang', 'Xiaolei Wang', 'Yupeng Hou', 'Yingqian Min', 'Beichen Zhang', 'Ji-Rong Wen'],
  },
};

/**
 * Publication year of every entry of the similar-papers capture (the capture shows none). Best
 * knowledge of the first arXiv version; the builder fails if a captured title is missing here.
 */
export const SIMILAR_PAPER_YEARS: Record<string, number> = {
  'Scaling Language Models: Methods, Analysis & Insights from Training Gopher': 2021,
  'LongAgent: Scaling Language Models to 128k Context through Multi-Agent Collaboration': 2024,
  'Scaling Data-Constrained Language Models': 2023,
  'Data Engineering for Scaling Language Models to 128K Context': 2024,
  'On the Scaling Laws of Geographical Representation in Language Models': 2024,
  'How to Unleash the Power of Large Language Models for Few-shot Relation Extraction?': 2023,
  'PaLM: Scaling Language Modeling with Pathways': 2022,
  'Characterizing Attribution and Fluency Tradeoffs for Retrieval-Augmented Large Language Models': 2023,
  'OPT-IML: Scaling Language Model Instruction Meta Learning through the Lens of Generalization': 2022,
  'Training Compute-Optimal Large Language Models': 2022,
  'Transcending Scaling Laws with 0.1% Extra Compute': 2022,
  'To Repeat or Not To Repeat: Insights from Scaling LLM under Token-Crisis': 2023,
  'Learning Unsupervised World Models for Autonomous Driving via Discrete Diffusion': 2023,
  'Tensor Product Attention Is All You Need': 2025,
  'LightTransfer: Your Long-Context LLM is Secretly a Hybrid Model with Effortless Adaptation': 2024,
  'LoRA-XS: Low-Rank Adaptation with Extremely Small Number of Parameters': 2024,
  'Modular Deep Learning': 2023,
  'Scaling Diffusion Language Models via Adaptation from Autoregressive Models': 2024,
  'Scaling Expert Language Models with Unsupervised Domain Discovery': 2023,
  'Flexibly Scaling Large Language Models Contexts Through Extensible Tokenization': 2024,
  'Diffusion Language Models Can Perform Many Tasks with Scaling and Instruction-Finetuning': 2023,
  'Glot500: Scaling Multilingual Corpora and Language Models to 500 Languages': 2023,
  'CollectiveSFT: Scaling Large Language Models for Chinese Medical Benchmark with Collective Instructions in Healthcare': 2024,
  'SOLAR 10.7B: Scaling Large Language Models with Simple yet Effective Depth Up-Scaling': 2023,
  'Resolving Discrepancies in Compute-Optimal Scaling of Language Models': 2024,
  'Visual Data-Type Understanding does not emerge from Scaling Vision-Language Models': 2023,
  'Emergent Abilities of Large Language Models': 2022,
  'Reasoning with Large Language Models, a Survey': 2024,
  'Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies': 2024,
  'Language Models are Few-Shot Learners': 2020,
  'DBCopilot: Scaling Natural Language Querying to Massive Databases': 2023,
  'Do We Still Need Clinical Language Models?': 2023,
  'MegaScale: Scaling Large Language Model Training to More Than 10,000 GPUs': 2024,
  'Inverse scaling can become U-shaped': 2022,
  'Scaling Vision Transformers': 2021,
  'Efficient Large Scale Language Modeling with Mixtures of Experts': 2021,
  'Efficiently Editing Mixture-of-Experts Models with Compressed Experts': 2025,
  'Llama 3 Meets MoE: Efficient Upcycling': 2024,
  'Capacity-Aware Inference: Mitigating the Straggler Effect in Mixture of Experts': 2025,
  'Scaling Instruction-Finetuned Language Models': 2022,
  'Scaling Law for Language Models Training Considering Batch Size': 2024,
  'Scaling Retrieval-Based Language Models with a Trillion-Token Datastore': 2024,
  'Scaling Laws for Neural Language Models': 2020,
  'Beyond Positive Scaling: How Negation Impacts Scaling Trends of Language Models': 2023,
  'Scaling laws for language encoding models in fMRI': 2023,
  'Scaling Pre-trained Language Models to Deeper via Parameter-efficient Architecture': 2023,
  'Scaling Parameter-Constrained Language Models with Quality Data': 2024,
  'DeepSeek LLM: Scaling Open-Source Language Models with Longtermism': 2024,
  'Training-Free Long-Context Scaling of Large Language Models': 2024,
  'Generating Symbolic World Models via Test-time Scaling of Large Language Models': 2025,
  'RSTeller: Scaling Up Visual Language Modeling in Remote Sensing with Rich Linguistic Semantics from Openly Available Data and Large Language Models': 2024,
  'Nugget 2D: Dynamic Contextual Compression for Scaling Decoder-only Language Models': 2023,
  'Scaling Up Natural Language Understanding for Multi-Robots Through the Lens of Hierarchy': 2024,
  'Data Mixing Made Efficient: A Bivariate Scaling Law for Language Model Pretraining': 2024,
  'Large Language Monkeys: Scaling Inference Compute with Repeated Sampling': 2024,
  'Why We Build Local Large Language Models: An Observational Analysis from 35 Japanese and Multilingual LLMs': 2024,
  'Griffon v2: Advancing Multimodal Perception with High-Resolution Scaling and Visual-Language Co-Referring': 2024,
  'CDEval: A Benchmark for Measuring the Cultural Dimensions of Large Language Models': 2023,
  'UniCoder: Scaling Code Large Language Model via Universal Code': 2024,
  'Revisiting the Test-Time Scaling of o1-like Models: Do they Truly Possess Test-Time Scaling Capabilities?': 2025,
  'MindGames: Targeting Theory of Mind in Large Language Models with Dynamic Epistemic Modal Logic': 2023,
  'Words or Vision: Do Vision-Language Models Have Blind Faith in Text?': 2025,
  'UniBench: Visual Reasoning Requires Rethinking Vision-Language Beyond Scaling': 2024,
  'Qwen-Audio: Advancing Universal Audio Understanding via Unified Large-Scale Audio-Language Models': 2023,
  'LMTuner: An user-friendly and highly-integrable Training Framework for fine-tuning Large Language Models': 2023,
  'Layered gradient accumulation and modular pipeline parallelism: fast and efficient training of large language models': 2021,
  'PanGu-Σ: Towards Trillion Parameter Language Model with Sparse Heterogeneous Computing': 2023,
  'RAVEN: Multitask Retrieval Augmented Vision-Language Learning': 2023,
  'Ankh: Optimized Protein Language Model Unlocks General-Purpose Modelling': 2023,
  'O1 Replication Journey -- Part 3: Inference-time Scaling for Medical Reasoning': 2025,
  'Pit One Against Many: Leveraging Attention-head Embeddings for Parameter-efficient Multi-head Attention': 2024,
  'Layerwise Recurrent Router for Mixture-of-Experts': 2024,
  'MoS: Unleashing Parameter Efficiency of Low-Rank Adaptation with Mixture of Shards': 2024,
  'DeepSpeed-FastGen: High-throughput Text Generation for LLMs via MII and DeepSpeed-Inference': 2024,
  'Time Transfer: On Optimal Learning Rate and Batch Size In The Infinite Data Limit': 2024,
  'Is the Number of Trainable Parameters All That Actually Matters?': 2023,
  'LLaMA-MoE: Building Mixture-of-Experts from LLaMA with Continual Pre-training': 2024,
  'Process Reinforcement through Implicit Rewards': 2025,
  'Pairwise RM: Perform Best-of-N Sampling with Knockout Tournament': 2025,
  'Scaling Properties of Speech Language Models': 2024,
  'Scaling Sparse Fine-Tuning to Large Language Models': 2024,
  'Scaling Sentence Embeddings with Large Language Models': 2023,
  'Scaling Laws for Generative Mixed-Modal Language Models': 2023,
  'MEDITRON-70B: Scaling Medical Pretraining for Large Language Models': 2023,
  'Physics of Language Models: Part 3.3, Knowledge Capacity Scaling Laws': 2024,
  'Enhancing Chat Language Models by Scaling High-quality Instructional Conversations': 2023,
  'ANAH-v2: Scaling Analytical Hallucination Annotation of Large Language Models': 2024,
  'Genetic Instruct: Scaling up Synthetic Generation of Coding Instructions for Large Language Models': 2024,
  'Scaling Laws for Upcycling Mixture-of-Experts Language Models': 2025,
  'Scaling Behavior for Large Language Models regarding Numeral Systems: An Example using Pythia': 2024,
  'Scaling Up Summarization: Leveraging Large Language Models for Long Text Extractive Summarization': 2024,
  'Scaling Laws for Linear Complexity Language Models': 2024,
  'Unified Scaling Laws for Routed Language Models': 2022,
  'Beyond Human Data: Scaling Self-Training for Problem-Solving with Language Models': 2023,
  'Scaling Embedding Layers in Language Models': 2025,
  'Scaling Relationship on Learning Mathematical Reasoning with Large Language Models': 2023,
  'Parameters vs FLOPs: Scaling Laws for Optimal Sparsity for Mixture-of-Experts Language Models': 2025,
  'Scaling Laws for Mixed quantization in Large Language Models': 2024,
  'Mitigate Position Bias in Large Language Models via Scaling a Single Dimension': 2024,
  'BitNet: Scaling 1-bit Transformers for Large Language Models': 2023,
  'LongVILA: Scaling Long-Context Visual Language Models for Long Videos': 2024,
  'Vary: Scaling up the Vision Vocabulary for Large Vision-Language Models': 2023,
  'Advancing Speech Language Models by Scaling Supervised Fine-Tuning with Over 60,000 Hours of Synthetic Speech Dialogue Data': 2024,
  'Infini-gram: Scaling Unbounded n-gram Language Models to a Trillion Tokens': 2024,
  'Scaling Laws for Downstream Task Performance of Large Language Models': 2024,
  'Scaling Clinical Trial Matching Using Large Language Models: A Case Study in Oncology': 2023,
  'Scaling Up Video Summarization Pretraining with Large Language Models': 2024,
  'Llamba: Scaling Distilled Recurrent Models for Efficient Language Processing': 2025,
  'Scaling Data Diversity for Fine-Tuning Language Models in Human Alignment': 2024,
  'Scaling Laws for Forgetting When Fine-Tuning Large Language Models': 2024,
  'Probing Quantifier Comprehension in Large Language Models: Another Example of Inverse Scaling': 2022,
  'Red Teaming Language Models to Reduce Harms: Methods, Scaling Behaviors, and Lessons Learned': 2022,
  'SPHINX-X: Scaling Data and Parameters for a Family of Multi-modal Large Language Models': 2024,
  'EAGLE-3: Scaling up Inference Acceleration of Large Language Models via Training-Time Test': 2025,
  'ScalingNote: Scaling up Retrievers with Large Language Models for Real-World Dense Retrieval': 2024,
  'Skywork-Math: Data Scaling Laws for Mathematical Reasoning in Large Language Models -- The Story Goes On': 2024,
  'Scaling Pre-training to One Hundred Billion Data for Vision Language Models': 2025,
  'Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling': 2023,
  'ProVision: Programmatically Scaling Vision-centric Instruction Data for Multimodal Language Models': 2024,
  'Outlier Suppression+: Accurate quantization of large language models by equivalent and optimal shifting and scaling': 2023,
  'Scaling Up Membership Inference: When and How Attacks Succeed on Large Language Models': 2024,
  'LRQ: Optimizing Post-Training Quantization for Large Language Models by Learning Low-Rank Weight-Scaling Matrices': 2024,
  'Fine-tuning large language models for domain adaptation: Exploration of training strategies, scaling, model merging and synergistic capabilities': 2024,
  'Investigating Low-Rank Training in Transformer Language Models: Efficiency and Scaling Analysis': 2024,
  'D-CPT Law: Domain-specific Continual Pre-Training Scaling Law for Large Language Models': 2024,
};
