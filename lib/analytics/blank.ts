/**
 * `text.trim() === ''`, without trim's runtime call and copy in the usual case of a text that
 * starts with a visible ASCII character (it runs for every citing sentence and every reference id).
 */
export function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === '';
}
