// The fixed wording of the whole-study Markdown document in each study language. Like
// the other documents it is written in the study's language, whatever the interface's;
// the words match the interface's catalogues. TERMS kinds, sources, stage and
// participants come from document-labels.ts so every document says them the same way.
import type { FindingType, ParticipantStatus, SessionStatus, StudyLanguage } from '../domain.js';

export interface StudyLabels {
  goal: string;
  product: string;
  plannedInterviews: string;
  background: string;
  informationNeeds: string;
  touchpoints: string;
  influencers: string;
  code: string;
  realName: string;
  source: string;
  status: string;
  segment: string;
  consent: string;
  guide: string;
  version: (n: number) => string;
  draft: string;
  keywords: string;
  probes: string;
  interviews: string;
  otherNotes: string;
  noNotes: string;
  findingsByStage: string;
  unstaged: string;
  noFindings: string;
  board: string;
  groups: string;
  themes: string;
  links: string;
  findingCount: (n: number) => string;
  theme: string;
  none: string;
  types: Record<FindingType, string>;
  statuses: Record<ParticipantStatus, string>;
  sessionStatuses: Record<SessionStatus, string>;
}

const STUDY_LABELS: Record<StudyLanguage, StudyLabels> = {
  en: {
    goal: 'Research goal',
    product: 'Product or service',
    plannedInterviews: 'Planned interviews',
    background: 'Background: the hypothesis journey',
    informationNeeds: 'Information needs',
    touchpoints: 'Touchpoints',
    influencers: 'Influencers',
    code: 'Code',
    realName: 'Name',
    source: 'Source',
    status: 'Status',
    segment: 'Segment',
    consent: 'Consent',
    guide: 'Interview guide',
    version: (n) => `version ${n}`,
    draft: 'draft',
    keywords: 'Keywords',
    probes: 'Probes',
    interviews: 'Interviews',
    otherNotes: 'Other notes',
    noNotes: 'No notes.',
    findingsByStage: 'Findings by stage',
    unstaged: 'Not on a stage yet',
    noFindings: 'No findings yet.',
    board: 'Affinity board',
    groups: 'Groups',
    themes: 'Themes',
    links: 'Cause and effect',
    findingCount: (n) => (n === 1 ? '1 finding' : `${n} findings`),
    theme: 'Theme',
    none: '—',
    types: {
      touchpoint: 'Touchpoint',
      influencer: 'Influencer',
      pain_point: 'Pain point',
      improvement_idea: 'Improvement idea',
      quote: 'Quote',
      do: 'Do',
      think: 'Think',
      feel: 'Feel',
    },
    statuses: { recruited: 'Recruited', scheduled: 'Scheduled', interviewed: 'Interviewed', no_show: 'No-show' },
    sessionStatuses: { planned: 'Planned', in_progress: 'In progress', paused: 'Paused', completed: 'Completed', missed: 'Missed' },
  },
  'zh-Hans': {
    goal: '研究目标',
    product: '产品或服务',
    plannedInterviews: '计划访谈数',
    background: '背景：假设的客户旅程',
    informationNeeds: '信息需求',
    touchpoints: '触点',
    influencers: '影响者',
    code: '编号',
    realName: '姓名',
    source: '来源',
    status: '状态',
    segment: '细分',
    consent: '知情同意',
    guide: '访谈提纲',
    version: (n) => `第 ${n} 版`,
    draft: '草稿',
    keywords: '关键词',
    probes: '追问',
    interviews: '访谈',
    otherNotes: '其他笔记',
    noNotes: '没有笔记。',
    findingsByStage: '按阶段整理的发现',
    unstaged: '尚未归入阶段',
    noFindings: '尚无发现。',
    board: '亲和图',
    groups: '分组',
    themes: '主题',
    links: '因果关系',
    findingCount: (n) => `${n} 条发现`,
    theme: '主题',
    none: '—',
    types: {
      touchpoint: '触点',
      influencer: '影响者',
      pain_point: '痛点',
      improvement_idea: '改进想法',
      quote: '原话引用',
      do: '行为',
      think: '想法',
      feel: '感受',
    },
    statuses: { recruited: '已招募', scheduled: '已安排', interviewed: '已访谈', no_show: '未到场' },
    sessionStatuses: { planned: '已计划', in_progress: '进行中', paused: '已暂停', completed: '已完成', missed: '未进行' },
  },
  'zh-Hant': {
    goal: '研究目標',
    product: '產品或服務',
    plannedInterviews: '計畫訪談數',
    background: '背景：假設的顧客旅程',
    informationNeeds: '資訊需求',
    touchpoints: '接觸點',
    influencers: '影響者',
    code: '編號',
    realName: '姓名',
    source: '來源',
    status: '狀態',
    segment: '區隔',
    consent: '知情同意',
    guide: '訪談大綱',
    version: (n) => `第 ${n} 版`,
    draft: '草稿',
    keywords: '關鍵詞',
    probes: '追問',
    interviews: '訪談',
    otherNotes: '其他筆記',
    noNotes: '沒有筆記。',
    findingsByStage: '依階段整理的發現',
    unstaged: '尚未歸入階段',
    noFindings: '尚無發現。',
    board: '親和圖',
    groups: '分組',
    themes: '主題',
    links: '因果關係',
    findingCount: (n) => `${n} 條發現`,
    theme: '主題',
    none: '—',
    types: {
      touchpoint: '接觸點',
      influencer: '影響者',
      pain_point: '痛點',
      improvement_idea: '改善想法',
      quote: '原話引述',
      do: '行為',
      think: '想法',
      feel: '感受',
    },
    statuses: { recruited: '已招募', scheduled: '已安排', interviewed: '已訪談', no_show: '未到場' },
    sessionStatuses: { planned: '已計畫', in_progress: '進行中', paused: '已暫停', completed: '已完成', missed: '未進行' },
  },
};

export const studyLabels = (language: StudyLanguage): StudyLabels => STUDY_LABELS[language];
