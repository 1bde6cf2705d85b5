import { z } from 'zod';

/**
 * The part of an OpenAI-compatible chat-completions reply we read. Ollama, LM Studio, llama.cpp's
 * server, vLLM and OpenAI all answer in this shape; extra fields are ignored.
 */
export const ChatCompletionSchema = z.object({
  model: z.string().max(300).optional(),
  choices: z
    .array(
      z.object({
        // null when a model answers with tool calls only: treated as an empty answer.
        message: z.object({ content: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}
