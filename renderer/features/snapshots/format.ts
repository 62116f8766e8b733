// How a snapshot is described to the user: its time in their language, its size, and
// what it holds in a line ("2 studies · 8 participants · 6 interviews · 120 findings").
import type { TFunction } from 'i18next';
import type { Snapshot } from '../../../shared/api/snapshots';

export function snapshotTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

export function snapshotSize(bytes: number, language: string): string {
  const megabytes = bytes / (1024 * 1024);
  const [value, unit] = megabytes >= 1 ? [megabytes, 'megabyte'] : [Math.max(bytes / 1024, 1), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function snapshotSummary(t: TFunction, snapshot: Snapshot): string {
  const summary = snapshot.summary;
  if (!summary) return t('snapshots.noSummary');
  return [
    t('snapshots.count.studies', { count: summary.studies }),
    t('snapshots.count.participants', { count: summary.participants }),
    t('snapshots.count.sessions', { count: summary.sessions }),
    t('snapshots.count.findings', { count: summary.findings }),
  ].join(' · ');
}

/** The names of the studies in it, a few of them, those in the trash marked, as a list in the user's language. */
export function snapshotStudies(t: TFunction, snapshot: Snapshot, language: string, shown = 6): string {
  const summary = snapshot.summary;
  if (!summary) return '';
  if (summary.studyNames.length === 0) return t('snapshots.noStudies');
  const names = summary.studyNames.slice(0, shown).map((s) => (s.inTrash ? t('snapshots.inTrash', { name: s.name }) : s.name));
  const more = summary.studies - names.length;
  if (more > 0) names.push(t('snapshots.moreStudies', { count: more }));
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}
