// Ctrl+Enter in the notes: a new finding, or the one the paragraph already is, reopened
// (see remark.ts for which). Every change to an existing finding's words says so and
// can be taken back from its notice: nothing the researcher wrote is lost silently.
import i18n from 'i18next';
import type { Finding } from '../../../shared/api/sessions';
import type { FindingType } from '../../../shared/domain';
import { call } from '../../api/queries';
import { showToast } from '../../components/toasts';
import { remarkOf, type MarkTarget } from './remark';

interface Place {
  sessionId: string;
  questionId: string | null;
  /** The type a new finding starts with. */
  type: FindingType;
}

interface After {
  /** Reads the session again; the finding bar opens on what it reads. */
  refresh: () => Promise<unknown>;
  fail: (error: unknown) => void;
}

/** Marks the target and gives the id of the finding to open in the finding bar. */
export async function markFinding(target: MarkTarget, findings: readonly Finding[], place: Place, after: After): Promise<string> {
  const remark = remarkOf(findings, target);
  if (remark.kind === 'new') {
    const created = await call('finding.create', { ...place, paragraphKey: target.paragraphKey, text: target.text });
    return created.id;
  }
  const { finding } = remark;
  const setText = (text: string) => call('finding.update', { id: finding.id, fields: { text } }).then(after.refresh, after.fail);
  // The global translator: a notice's action may run after the screen's language changed.
  const t = i18n.t;
  if (remark.kind === 'same') showToast({ tone: 'info', message: t('capture.findingReopened') });
  else if (remark.kind === 'grown') {
    // Written before the bar opens, so the bar shows the new words.
    await call('finding.update', { id: finding.id, fields: { text: target.text } });
    showToast({ tone: 'info', message: t('capture.findingUpdatedFromNotes'), action: { label: t('common.undo'), run: () => void setText(finding.text) } }, 15_000);
  } else {
    showToast({ tone: 'info', message: t('capture.findingWordingKept'), action: { label: t('capture.useParagraphWords'), run: () => void setText(target.text) } }, 15_000);
  }
  return finding.id;
}
