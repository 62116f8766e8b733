// A stage shows its translated default name until the team renames it.
import type { TFunction } from 'i18next';
import type { JourneyStage } from '../../../shared/api/entities';

export function stageName(t: TFunction, stage: Pick<JourneyStage, 'name' | 'defaultKey'>): string {
  return stage.defaultKey ? t(`stages.${stage.defaultKey}`, { defaultValue: stage.name }) : stage.name;
}
