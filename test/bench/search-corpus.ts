// A generated research library for the search and analysis benchmarks: one study of
// 200 completed interviews with 50,000 note paragraphs (half Chinese, half English,
// 25 questions x 10 paragraphs per interview) and 4,000 findings (half grouped on the
// board with stages, TERMS and tags, half unsorted), written straight to the database
// in one transaction per interview, as an import would. Deterministic (seeded).
import { generateNKeysBetween } from 'fractional-indexing';
import type Database from 'better-sqlite3';
import { newId, nowIso } from '../../electron/core/db/ids.js';
import { noteFromParagraphs } from '../../shared/notes.js';
import { PAIN_KINDS } from '../../shared/domain.js';

export const INTERVIEWS = 200;
const QUESTIONS = 25;
const PARAGRAPHS_PER_NOTE = 10;
const GROUPED_FINDINGS = 2000;
export const UNSORTED_FINDINGS = 2000;

/** Words of interviews about buying a car, the way people talk about it. */
export const CHINESE_WORDS = `报价 价格 销售 试驾 经理 合同 贷款 首付 月供 利率 保险 上牌 服务费 金融 精品包 优惠 补贴 置换 评估 二手车
  门店 展厅 顾问 电话 微信 小红书 懂车帝 口碑 评价 朋友 老婆 孩子 父母 同事 预算 配置 座椅 后排 空间 油耗 续航 充电 电池
  高速 高架 路线 等待 三天 一周 提车 交车 仪式 发票 保养 预约 维修 售后 质保 延保 投诉 退订金 定金 尾款 现车 库存 颜色
  内饰 外观 品牌 安全 舒适 智能 导航 语音 车机 屏幕 音响 天窗 后备箱 七座 SUV 轿车 混动 电动 燃油 落地价 裸车价 手续费
  透明 套路 砍价 一口价 比价 犹豫 焦虑 放心 满意 失望 生气 着急 信任 推荐 复购 体验 流程 效率 态度 专业 热情 冷淡`.split(/\s+/).filter(Boolean);

const CHINESE_GLUE = ['的', '了', '是', '很', '太', '就', '都', '也', '还', '说', '觉得', '因为', '所以', '但是', '然后', '我们', '他们', '一直', '已经', '不'];

export const ENGLISH_WORDS = `price quote dealer salesperson manager contract loan deposit payment rate insurance registration fee finance package
  discount subsidy trade valuation showroom advisor phone message review friend wife children parents colleague budget trim seat
  space mileage range charging battery highway route waiting days week delivery handover ceremony invoice service appointment
  repair warranty complaint refund stock colour interior exterior brand safety comfort navigation screen speaker sunroof trunk
  hybrid electric petrol transparent haggle compare hesitant anxious trust recommend experience process efficient attitude
  professional friendly cold paperwork signing pressure upsell financing test drive family commute weekend`.split(/\s+/).filter(Boolean);

const ENGLISH_GLUE = ['the', 'a', 'was', 'and', 'they', 'we', 'she', 'he', 'said', 'felt', 'because', 'then', 'too', 'very', 'not', 'about', 'with', 'for'];

/** A small seeded generator (mulberry32), so every run writes the same library. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like: early words of a list are picked far more often than late ones. */
const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(list.length * rand() ** 2)]!;

export function chineseParagraph(rand: () => number, clauses = 3 + Math.floor(rand() * 4)): string {
  const parts: string[] = [];
  for (let c = 0; c < clauses; c++) {
    let clause = '';
    for (let w = 0; w < 3 + Math.floor(rand() * 4); w++) clause += rand() < 0.35 ? pick(rand, CHINESE_GLUE) : pick(rand, CHINESE_WORDS);
    parts.push(clause);
  }
  return `${parts.join('，')}。`;
}

export function englishParagraph(rand: () => number, words = 12 + Math.floor(rand() * 18)): string {
  const out: string[] = [];
  for (let w = 0; w < words; w++) out.push(rand() < 0.4 ? pick(rand, ENGLISH_GLUE) : pick(rand, ENGLISH_WORDS));
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export interface NoteRow {
  id: string;
  sessionId: string;
  questionId: string;
  content: string;
  plainText: string;
}

export interface Corpus {
  studyId: string;
  stageIds: string[];
  /** Each interview's notes, ready to insert (25 notes of 10 paragraphs). */
  notes: NoteRow[][];
  paragraphs: number;
}

/** Writes the study, its guide, participants and sessions; returns the notes to insert. */
export function prepareCorpus(db: Database.Database, seed = 7): Corpus {
  const rand = random(seed);
  const now = nowIso();
  const studyId = newId();
  const stageIds = Array.from({ length: 6 }, () => newId());
  const notes: NoteRow[][] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO study (id, name, planned_interviews, language, created_at, updated_at) VALUES (?, '搜索基准 Search benchmark', ?, 'zh-Hans', ?, ?)").run(studyId, INTERVIEWS, now, now);
    const stageKeys = generateNKeysBetween(null, null, stageIds.length);
    stageIds.forEach((id, i) => db.prepare('INSERT INTO journey_stage (id, study_id, name, position, created_at) VALUES (?, ?, ?, ?, ?)').run(id, studyId, `阶段 Stage ${i + 1}`, stageKeys[i], now));
    const guideId = newId();
    const versionId = newId();
    const sectionId = newId();
    db.prepare("INSERT INTO guide (id, study_id, title, created_at) VALUES (?, ?, 'Guide', ?)").run(guideId, studyId, now);
    db.prepare('INSERT INTO guide_version (id, guide_id, number, created_at, frozen_at) VALUES (?, ?, 1, ?, ?)').run(versionId, guideId, now, now);
    db.prepare("INSERT INTO guide_section (id, guide_version_id, title, position) VALUES (?, ?, 'Journey', 'a0')").run(sectionId, versionId);
    const questionKeys = generateNKeysBetween(null, null, QUESTIONS);
    const questions = questionKeys.map((position, q) => {
      const id = newId();
      db.prepare('INSERT INTO guide_question (id, section_id, text, stage_id, position) VALUES (?, ?, ?, ?, ?)').run(id, sectionId, `问题 ${q + 1}: ${englishParagraph(rand, 8)}`, stageIds[q % stageIds.length], position);
      return id;
    });
    for (let i = 0; i < INTERVIEWS; i++) {
      const participantId = newId();
      const sessionId = newId();
      const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString();
      db.prepare("INSERT INTO participant (id, study_id, code, source, status, attributes, created_at) VALUES (?, ?, ?, ?, 'interviewed', ?, ?)").run(
        participantId, studyId, `P${String(i + 1).padStart(3, '0')}`, i % 3 ? 'own' : 'competitor', JSON.stringify({ demographic: { age: ['25-34', '35-44', '45-54'][i % 3] } }), now,
      );
      db.prepare("INSERT INTO session (id, study_id, participant_id, guide_version_id, status, started_at, ended_at, created_at) VALUES (?, ?, ?, ?, 'completed', ?, ?, ?)").run(sessionId, studyId, participantId, versionId, day, day, now);
      notes.push(
        questions.map((questionId, q) => {
          const paragraphs = Array.from({ length: PARAGRAPHS_PER_NOTE }, (_, k) => ({
            pid: newId(),
            atMs: (q * PARAGRAPHS_PER_NOTE + k) * 20_000,
            // Half Chinese, half English, alternating within every note.
            text: (q * PARAGRAPHS_PER_NOTE + k) % 2 === 0 ? chineseParagraph(rand) : englishParagraph(rand),
          }));
          return { id: newId(), sessionId, questionId, content: JSON.stringify(noteFromParagraphs(paragraphs)), plainText: paragraphs.map((p) => p.text).join('\n') };
        }),
      );
    }
  })();
  return { studyId, stageIds, notes, paragraphs: INTERVIEWS * QUESTIONS * PARAGRAPHS_PER_NOTE };
}

/** Inserts every interview's notes, one transaction per interview; returns the seconds taken. */
export function insertNotes(db: Database.Database, corpus: Corpus): number {
  const insert = db.prepare('INSERT INTO note (id, session_id, question_id, content, plain_text, revision, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)');
  const write = db.transaction((rows: readonly NoteRow[]) => {
    for (const r of rows) insert.run(r.id, r.sessionId, r.questionId, r.content, r.plainText, nowIso());
  });
  const start = performance.now();
  for (const interview of corpus.notes) write(interview);
  return (performance.now() - start) / 1000;
}

/** Findings of the interviews: half grouped (with stages, TERMS, tags, themes), half unsorted. */
export function seedFindings(db: Database.Database, corpus: Corpus, seed = 11): void {
  const rand = random(seed);
  const now = nowIso();
  const { studyId, stageIds } = corpus;
  const sessions = db.prepare('SELECT id, participant_id FROM session WHERE study_id = ? ORDER BY started_at').all(studyId) as Array<{ id: string; participant_id: string }>;
  db.transaction(() => {
    const tags = Array.from({ length: 30 }, (_, i) => {
      const id = newId();
      db.prepare('INSERT INTO tag (id, study_id, name, created_at) VALUES (?, ?, ?, ?)').run(id, studyId, `${pick(rand, CHINESE_WORDS)} ${i}`, now);
      return id;
    });
    const themes = Array.from({ length: 12 }, (_, i) => {
      const id = newId();
      db.prepare('INSERT INTO theme (id, study_id, name, position, created_at) VALUES (?, ?, ?, ?, ?)').run(id, studyId, `Theme ${i}: ${pick(rand, ENGLISH_WORDS)}`, `a${i}`, now);
      return id;
    });
    const groups = Array.from({ length: 150 }, (_, i) => {
      const id = newId();
      db.prepare('INSERT INTO affinity_group (id, study_id, stage_id, theme_id, name, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id, studyId, stageIds[i % stageIds.length], i % 3 === 0 ? themes[i % themes.length] : null, `${pick(rand, CHINESE_WORDS)}${pick(rand, CHINESE_WORDS)}`, `a${i}`, now,
      );
      return { id, stageId: stageIds[i % stageIds.length]! };
    });
    const addFinding = db.prepare(
      `INSERT INTO finding (id, study_id, session_id, participant_id, text, type, stage_id, terms, group_id, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pain_point', ?, ?, ?, ?, ?, ?)`,
    );
    const addTag = db.prepare('INSERT OR IGNORE INTO finding_tag (finding_id, tag_id) VALUES (?, ?)');
    for (let i = 0; i < GROUPED_FINDINGS + UNSORTED_FINDINGS; i++) {
      const session = sessions[i % sessions.length]!;
      const grouped = i < GROUPED_FINDINGS;
      const group = grouped ? groups[Math.floor(rand() * groups.length)]! : null;
      const terms = PAIN_KINDS.filter(() => rand() < 0.3).join('');
      const text = i % 2 ? chineseParagraph(rand, 1) : englishParagraph(rand, 10);
      const id = newId();
      addFinding.run(id, studyId, session.id, session.participant_id, text, group?.stageId ?? null, terms, group?.id ?? null, `a${String(i).padStart(5, '0')}`, now, now);
      for (let t = 0; t < 3; t++) if (rand() < 0.5) addTag.run(id, pick(rand, tags));
    }
  })();
}
