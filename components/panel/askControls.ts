import type { AskAnswer } from '../../lib/ask/types';

/** Where questions go, for the box's disclosure line; present only when the user configured an endpoint. */
export interface AskTarget {
  /** Host of the endpoint, e.g. `localhost:11434`. */
  host: string;
  /** The configured model name ('' when none was given). */
  model: string;
}

/** What the panel needs to show the ask box: where questions go and how to send one for this paper. */
export interface AskControls extends AskTarget {
  /** Rejects with an Error whose message is fit to show the user. */
  ask(question: string): Promise<AskAnswer>;
}
