import { SECTION_NAMES, type SectionName } from '../../lib/settings/schema';

export const SECTION_LABELS: Record<SectionName, string> = {
  header: 'Header: title, tier and counts',
  timeline: 'Citations over time',
  glance: 'At a glance: TL;DR, claims and reception',
  roles: 'Citation roles',
  polarity: 'Polarity',
  claims: 'Claims ledger',
  'co-cited': 'Co-cited works',
  representative: 'Representative citing papers',
  citing: 'Citing papers explorer',
  references: 'What it cites (references)',
  similar: 'Similar papers',
};

interface SectionsFieldProps {
  hidden: readonly SectionName[];
  onChange(hidden: SectionName[]): void;
}

/** Checked means shown; the setting stores the complement so new sections appear by default. */
export function SectionsField({ hidden, onChange }: SectionsFieldProps) {
  return (
    <fieldset class="field">
      <legend>Sections shown in the panel</legend>
      <ul class="check-list">
        {SECTION_NAMES.map((section) => (
          <li key={section}>
            <label class="check">
              <input
                type="checkbox"
                name="sections"
                value={section}
                checked={!hidden.includes(section)}
                onChange={(event) => {
                  const shown = event.currentTarget.checked;
                  onChange(SECTION_NAMES.filter((name) => (name === section ? !shown : hidden.includes(name))));
                }}
              />
              {SECTION_LABELS[section]}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
