/**
 * The optional "ask" box: questions about a paper answered by a model endpoint the user configured
 * (any OpenAI-compatible chat-completions server: a local Ollama or LM Studio, or a hosted API).
 * Off until configured; nothing is sent anywhere otherwise.
 */

/** Longest question accepted from a panel. */
export const ASK_QUESTION_MAX_CHARS = 1_000;

/** What one answer carries besides its text, so the panel can say where it came from. */
export interface AskAnswer {
  /** The model's reply, plain text (the panel never renders it as HTML). */
  answer: string;
  /** The model that answered, as the endpoint reported it (else the configured name). */
  model: string;
  /** Host of the endpoint the question went to, e.g. `localhost:11434` or `api.openai.com`. */
  host: string;
  /** ms since epoch when the answer arrived. */
  answeredAt: number;
  /** What was sent with the question, for the provenance line. */
  context: {
    title: boolean;
    abstract: boolean;
    tldr: boolean;
    /** Citation sentences of citing papers sent along (contrasting and supporting first). */
    citationSentences: number;
  };
  /** True when the endpoint stopped because of its length limit (the answer is cut short). */
  truncated: boolean;
}
