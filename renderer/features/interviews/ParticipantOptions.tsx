// The options of a participant picker: code, source and status, so the researcher
// can tell participants apart without their names.
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/api/participants';

export function ParticipantOptions({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation();
  return participants.map((p) => (
    <option key={p.id} value={p.id}>
      {p.code} · {t(`sources.${p.source}`)} · {t(`statuses.${p.status}`)}
    </option>
  ));
}
