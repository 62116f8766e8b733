// The fixed wording of data exports (findings tables, REFI-QDA projects) in each study
// language. Like documents, data exports are written in the study's language whatever
// the interface's language; TERMS kinds, participant sources, finding types and the
// free notes' name come from the document labels, so every export says them alike.
import type { FindingType, SegmentDimension, StudyLanguage } from '../domain.js';
import { documentLabels, type DocumentLabels } from '../export/document-labels.js';
import { studyLabels } from '../export/study-labels.js';

export interface InteropLabels {
  document: DocumentLabels;
  findingTypes: Record<FindingType, string>;
  columns: {
    id: string;
    text: string;
    stage: string;
    type: string;
    terms: string;
    tags: string;
    participant: string;
    source: string;
    realName: string;
    interviewer: string;
    sessionDate: string;
    question: string;
    evidence: string;
    group: string;
    theme: string;
  };
  dimensions: Record<SegmentDimension, string>;
  /** The parent codes of a REFI-QDA code book, one per taxonomy. */
  taxonomies: { stages: string; terms: string; types: string; tags: string; groups: string };
  participantSource: string;
  otherNotes: string;
  unlinkedFindings: string;
  unlinkedFindingsDescription: string;
  /** Sheet name in Excel (at most 31 characters, none of : \ / ? * [ ]). */
  findingsSheet: string;
  findingsFile: string;
  interview: string;
}

type OwnLabels = Omit<InteropLabels, 'document' | 'findingTypes' | 'otherNotes'>;

const OWN: Record<StudyLanguage, OwnLabels> = {
  en: {
    columns: {
      id: 'ID',
      text: 'Finding',
      stage: 'Stage',
      type: 'Type',
      terms: 'TERMS',
      tags: 'Tags',
      participant: 'Participant',
      source: 'Participant source',
      realName: 'Real name',
      interviewer: 'Interviewer',
      sessionDate: 'Interview date',
      question: 'Question',
      evidence: 'Evidence (note paragraph)',
      group: 'Group',
      theme: 'Theme',
    },
    dimensions: { demographic: 'Demographic', geographic: 'Geographic', behavioural: 'Behavioural', psychographic: 'Psychographic', needs: 'Needs' },
    taxonomies: { stages: 'Journey stages', terms: 'TERMS pain kinds', types: 'Finding types', tags: 'Tags', groups: 'Affinity groups and themes' },
    participantSource: 'Participant source',
    unlinkedFindings: 'Findings without a note paragraph',
    unlinkedFindingsDescription: 'Findings whose note paragraph was removed or that were typed outside an interview, one per line.',
    findingsSheet: 'Findings',
    findingsFile: 'findings',
    interview: 'Interview',
  },
  'zh-Hans': {
    columns: {
      id: 'ID',
      text: '发现',
      stage: '阶段',
      type: '类型',
      terms: 'TERMS',
      tags: '标签',
      participant: '受访者',
      source: '受访者来源',
      realName: '真实姓名',
      interviewer: '访谈员',
      sessionDate: '访谈日期',
      question: '问题',
      evidence: '证据（笔记段落）',
      group: '分组',
      theme: '主题',
    },
    dimensions: { demographic: '人口统计', geographic: '地理', behavioural: '行为', psychographic: '心理', needs: '需求' },
    taxonomies: { stages: '旅程阶段', terms: 'TERMS 痛点类别', types: '发现类型', tags: '标签', groups: '亲和分组与主题' },
    participantSource: '受访者来源',
    unlinkedFindings: '没有笔记段落的发现',
    unlinkedFindingsDescription: '笔记段落已删除或在访谈之外记录的发现，每行一条。',
    findingsSheet: '发现',
    findingsFile: '发现',
    interview: '访谈',
  },
  'zh-Hant': {
    columns: {
      id: 'ID',
      text: '發現',
      stage: '階段',
      type: '類型',
      terms: 'TERMS',
      tags: '標籤',
      participant: '受訪者',
      source: '受訪者來源',
      realName: '真實姓名',
      interviewer: '訪談員',
      sessionDate: '訪談日期',
      question: '問題',
      evidence: '證據（筆記段落）',
      group: '分組',
      theme: '主題',
    },
    dimensions: { demographic: '人口統計', geographic: '地理', behavioural: '行為', psychographic: '心理', needs: '需求' },
    taxonomies: { stages: '旅程階段', terms: 'TERMS 痛點類別', types: '發現類型', tags: '標籤', groups: '親和分組與主題' },
    participantSource: '受訪者來源',
    unlinkedFindings: '沒有筆記段落的發現',
    unlinkedFindingsDescription: '筆記段落已刪除或在訪談之外記錄的發現，每行一則。',
    findingsSheet: '發現',
    findingsFile: '發現',
    interview: '訪談',
  },
};

export function interopLabels(language: StudyLanguage): InteropLabels {
  const study = studyLabels(language);
  return { ...OWN[language], document: documentLabels(language), findingTypes: study.types, otherNotes: study.otherNotes };
}
