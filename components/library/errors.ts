/** The text to show for a failed request: RequestError carries the background's own message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  const text = String(error);
  return text === '' || text === '[object Object]' ? 'Something went wrong.' : text;
}
