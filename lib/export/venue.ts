/**
 * What kind of venue a paper appeared in, from the venue string alone.
 * A heuristic: sources give free-text venues ("Neural Information Processing Systems", "Physical Review Letters",
 * "arXiv.org"), and reference formats need a type (@article vs @inproceedings vs @misc).
 */
export type VenueKind = 'preprint' | 'journal' | 'conference' | 'other';

const PREPRINT = /^(?:arxiv(?:\.org)?|corr|arxiv \(cornell university\))$/i;
// Checked before the conference words, because it contains "Proceedings".
const JOURNAL_NAMED_PROCEEDINGS = /proceedings of the national academy|\bpnas\b|proceedings of the royal society|proceedings of the ieee\b/i;
const CONFERENCE =
  /\b(?:conference|proceedings|workshops?|symposium|congress|colloquium|meeting|lecture notes)\b|^(?:neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|aaai|ijcai|kdd|sigir|www|chi|uai|aistats|colt|icassp|interspeech)(?:\s*\d{4})?$|neural information processing systems|computer vision and pattern recognition/i;
const JOURNAL =
  /\b(?:journal|transactions|letters|review|reviews|magazine|annals|bulletin|quarterly|nature|science|cell|plos|physica|acta|communications in)\b/i;

export function venueKind(venue: string | undefined): VenueKind {
  const text = (venue ?? '').trim();
  if (text === '' || PREPRINT.test(text)) return 'preprint';
  if (JOURNAL_NAMED_PROCEEDINGS.test(text)) return 'journal';
  if (CONFERENCE.test(text)) return 'conference';
  if (JOURNAL.test(text)) return 'journal';
  return 'other';
}

/** The venue to print, or undefined when it only says "arXiv" (the eprint fields already say that). */
export function printableVenue(venue: string | undefined): string | undefined {
  const text = (venue ?? '').trim();
  return text === '' || PREPRINT.test(text) ? undefined : text;
}
