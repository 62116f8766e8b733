// The fixed wording of the exported analysis dashboard in each study language. Like
// the persona and journey-map documents, it is written in the study's language
// whatever the interface's language; the words match the interface's catalogues.
// Names of TERMS kinds, participant sources, "Stage" and "Participants" come from
// document-labels.ts so every document says them the same way.
import type { Saturation } from '../api/analysis.js';
import type { SegmentDimension, StudyLanguage } from '../domain.js';

export type SaturationSeriesKey = 'tags' | 'groups' | 'themes';

export interface DashboardLabels {
  dashboard: string;
  exportedOn: (date: string) => string;
  progress: string;
  /** Interviews done against the plan (just the count when nothing is planned). */
  completedOf: (completed: number, planned: number) => string;
  checkpointReached: (target: number) => string;
  checkpointAhead: (target: number) => string;
  /** No interviews planned: there is no checkpoint to reach. */
  noPlan: string;
  pipeline: (inProgress: number, scheduled: number, missed: number) => string;
  gaps: (count: number) => string;
  noGaps: string;
  gapRecruited: (count: number) => string;
  saturation: string;
  noInterviews: string;
  /** "The last 3 interviews added 1 new theme, 2 new groups and 0 new tags." */
  reading: (recent: Saturation['recent']) => string;
  series: Record<SaturationSeriesKey, string>;
  added: string;
  painPoints: string;
  painHint: string;
  all: string;
  noStage: string;
  segments: string;
  /** What each figure of the segment comparison counts. */
  segmentHint: string;
  splitBy: string;
  /** A segment value nobody filled in. */
  noValue: string;
  noSegments: string;
  tags: string;
  noTags: string;
  together: string;
  findingsParticipants: (findings: number, participants: number) => string;
  findingsCount: (count: number) => string;
  dimensions: Record<SegmentDimension, string>;
}

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const DASHBOARD_LABELS: Record<StudyLanguage, DashboardLabels> = {
  en: {
    dashboard: 'Analysis dashboard',
    exportedOn: (date) => `Exported ${date}`,
    progress: 'Progress',
    completedOf: (completed, planned) => (planned > 0 ? `${completed} of ${planned} interviews done` : `${plural(completed, 'interview', 'interviews')} done`),
    checkpointReached: (target) => `Past the 25% checkpoint (${plural(target, 'interview', 'interviews')}): analyse what you have and revise the guide.`,
    checkpointAhead: (target) => `The 25% checkpoint comes at ${plural(target, 'interview', 'interviews')}: start analysing then.`,
    noPlan: 'No interviews planned yet: set the plan to see the 25% checkpoint.',
    pipeline: (inProgress, scheduled, missed) => `${inProgress} in progress, ${scheduled} scheduled, ${missed} missed.`,
    gaps: (count) => plural(count, 'coverage gap', 'coverage gaps'),
    noGaps: 'Every segment × source cell has an interview.',
    gapRecruited: (count) => `(${count} recruited, not yet interviewed)`,
    saturation: 'Saturation',
    noInterviews: 'No completed interviews yet.',
    reading: ({ lastN, newThemes, newGroups, newTags }) =>
      `${lastN === 1 ? 'The last interview' : `The last ${lastN} interviews`} added ${plural(newThemes, 'new theme', 'new themes')}, ${plural(newGroups, 'new group', 'new groups')} and ${plural(newTags, 'new tag', 'new tags')}.`,
    series: { tags: 'Tags', groups: 'Groups', themes: 'Themes' },
    added: 'New in each interview',
    painPoints: 'Pain points by stage and TERMS',
    painHint: 'Pain-point findings (distinct participants) by stage and TERMS kind. Other finding types are not counted, even when they carry TERMS.',
    all: 'All',
    noStage: 'No stage',
    segments: 'Segment comparison',
    segmentHint: 'Pain-point findings (distinct participants) per TERMS kind in each segment.',
    splitBy: 'Split by',
    noValue: '(none)',
    noSegments: 'Add segment attributes to participants to compare segments.',
    tags: 'Tags',
    noTags: 'No tags used on findings yet.',
    together: 'Often together',
    findingsParticipants: (findings, participants) => `${plural(findings, 'finding', 'findings')} · ${plural(participants, 'participant', 'participants')}`,
    findingsCount: (count) => plural(count, 'finding', 'findings'),
    dimensions: { demographic: 'Demographic', geographic: 'Geographic', behavioural: 'Behavioural', psychographic: 'Psychographic', needs: 'Needs' },
  },
  'zh-Hans': {
    dashboard: '分析看板',
    exportedOn: (date) => `导出于 ${date}`,
    progress: '进度',
    completedOf: (completed, planned) => (planned > 0 ? `已完成 ${completed} / ${planned} 场访谈` : `已完成 ${completed} 场访谈`),
    checkpointReached: (target) => `已过 25% 检查点（${target} 场访谈）：分析现有内容并修订提纲。`,
    checkpointAhead: (target) => `25% 检查点在第 ${target} 场访谈：届时开始分析。`,
    noPlan: '尚未设定计划访谈数：设定后即可看到 25% 检查点。',
    pipeline: (inProgress, scheduled, missed) => `进行中 ${inProgress} 场，已安排 ${scheduled} 场，缺席 ${missed} 场。`,
    gaps: (count) => `${count} 个覆盖空缺`,
    noGaps: '每个细分 × 来源单元格都有访谈。',
    gapRecruited: (count) => `（已招募 ${count} 人，尚未访谈）`,
    saturation: '饱和度',
    noInterviews: '还没有完成的访谈。',
    reading: ({ lastN, newThemes, newGroups, newTags }) => `最近 ${lastN} 场访谈新增了 ${newThemes} 个主题、${newGroups} 个分组和 ${newTags} 个标签。`,
    series: { tags: '标签', groups: '分组', themes: '主题' },
    added: '每场访谈的新增',
    painPoints: '按阶段和 TERMS 的痛点',
    painHint: '按阶段和 TERMS 类型统计的痛点发现数（不同受访者数）。其他类型的发现即使标了 TERMS 也不计入。',
    all: '合计',
    noStage: '无阶段',
    segments: '细分对比',
    segmentHint: '各细分人群按 TERMS 类型统计的痛点发现数（不同受访者数）。',
    splitBy: '拆分依据',
    noValue: '（无）',
    noSegments: '为受访者添加细分属性后即可对比细分人群。',
    tags: '标签',
    noTags: '发现上还没有使用标签。',
    together: '常一起出现',
    findingsParticipants: (findings, participants) => `${findings} 条发现 · ${participants} 位受访者`,
    findingsCount: (count) => `${count} 条发现`,
    dimensions: { demographic: '人口统计', geographic: '地理', behavioural: '行为', psychographic: '心理', needs: '需求' },
  },
  'zh-Hant': {
    dashboard: '分析看板',
    exportedOn: (date) => `匯出於 ${date}`,
    progress: '進度',
    completedOf: (completed, planned) => (planned > 0 ? `已完成 ${completed} / ${planned} 場訪談` : `已完成 ${completed} 場訪談`),
    checkpointReached: (target) => `已過 25% 檢查點（${target} 場訪談）：分析現有內容並修訂提綱。`,
    checkpointAhead: (target) => `25% 檢查點在第 ${target} 場訪談：屆時開始分析。`,
    noPlan: '尚未設定計畫訪談數：設定後即可看到 25% 檢查點。',
    pipeline: (inProgress, scheduled, missed) => `進行中 ${inProgress} 場，已安排 ${scheduled} 場，缺席 ${missed} 場。`,
    gaps: (count) => `${count} 個覆蓋空缺`,
    noGaps: '每個細分 × 來源單元格都有訪談。',
    gapRecruited: (count) => `（已招募 ${count} 人，尚未訪談）`,
    saturation: '飽和度',
    noInterviews: '還沒有完成的訪談。',
    reading: ({ lastN, newThemes, newGroups, newTags }) => `最近 ${lastN} 場訪談新增了 ${newThemes} 個主題、${newGroups} 個分組和 ${newTags} 個標籤。`,
    series: { tags: '標籤', groups: '分組', themes: '主題' },
    added: '每場訪談的新增',
    painPoints: '按階段和 TERMS 的痛點',
    painHint: '按階段和 TERMS 類型統計的痛點發現數（不同受訪者數）。其他類型的發現即使標了 TERMS 也不計入。',
    all: '合計',
    noStage: '無階段',
    segments: '細分對比',
    segmentHint: '各細分人群按 TERMS 類型統計的痛點發現數（不同受訪者數）。',
    splitBy: '拆分依據',
    noValue: '（無）',
    noSegments: '為受訪者添加細分屬性後即可對比細分人群。',
    tags: '標籤',
    noTags: '發現上還沒有使用標籤。',
    together: '常一起出現',
    findingsParticipants: (findings, participants) => `${findings} 條發現 · ${participants} 位受訪者`,
    findingsCount: (count) => `${count} 條發現`,
    dimensions: { demographic: '人口統計', geographic: '地理', behavioural: '行為', psychographic: '心理', needs: '需求' },
  },
};

export const dashboardLabels = (language: StudyLanguage): DashboardLabels => DASHBOARD_LABELS[language];
