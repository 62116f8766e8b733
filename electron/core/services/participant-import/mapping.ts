// Suggests where each CSV column goes (a participant field, a segment attribute, or
// nowhere) from its header, in English, Simplified or Traditional Chinese. It is only
// a suggestion: the user confirms or changes it in the mapping step before import.
import type { SegmentDimension } from '../../../../shared/domain.js';

export type ParticipantField = 'code' | 'realName' | 'contact' | 'source' | 'status' | 'consentDate' | 'consentScope';

/** Where a CSV column goes: a participant field, a segment attribute (dimension + attribute name), or nowhere. */
export type ColumnTarget =
  | { kind: 'field'; field: ParticipantField }
  | { kind: 'attribute'; dimension: SegmentDimension; name: string }
  | { kind: 'ignore' };

/**
 * Folds a header or cell value to a comparable key: full-width forms to ASCII (NFKC),
 * lower case, and no spaces or punctuation, so "Consent Date", "consent_date" and
 * "ＣＯＮＳＥＮＴ－ＤＡＴＥ" are all the same.
 */
export function normaliseKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const FIELD_NAMES: Record<ParticipantField, string[]> = {
  code: ['code', 'id', 'participantcode', 'participantid', 'respondentid', 'uid', '编号', '編號', '代码', '代碼', '代号', '代號', '编码', '編碼', 'id号'],
  realName: ['name', 'fullname', 'realname', '姓名', '名字', '真实姓名', '真實姓名', '称呼', '稱呼'],
  contact: [
    'contact', 'contactinfo', 'phone', 'phonenumber', 'mobile', 'tel', 'telephone', 'email', 'emailaddress', 'wechat',
    '电话', '電話', '手机', '手機', '手机号', '手机号码', '手機號碼', '联系方式', '聯繫方式', '聯絡方式', '联系电话', '聯絡電話',
    '邮箱', '郵箱', '电子邮件', '電子郵件', '电邮', '電郵', '微信',
  ],
  source: ['source', 'participantsource', '来源', '來源', '客户来源', '客戶來源'],
  status: ['status', 'recruitmentstatus', '状态', '狀態', '招募状态', '招募狀態'],
  consentDate: ['consentdate', 'consentedon', 'dateofconsent', '同意日期', '知情同意日期', '同意时间', '同意時間', '授权日期', '授權日期'],
  consentScope: ['consentscope', 'scopeofconsent', '同意范围', '同意範圍', '授权范围', '授權範圍'],
};

const ATTRIBUTE_NAMES: Record<SegmentDimension, string[]> = {
  demographic: [
    'age', 'agegroup', 'gender', 'sex', 'income', 'occupation', 'job', 'profession', 'education', 'maritalstatus',
    '年龄', '年齡', '年龄段', '年齡段', '性别', '性別', '收入', '月收入', '年收入', '职业', '職業', '学历', '學歷', '教育程度', '婚姻状况', '婚姻狀況',
  ],
  geographic: ['city', 'region', 'country', 'province', 'state', 'location', '城市', '地区', '地區', '区域', '區域', '国家', '國家', '省份', '所在地'],
  behavioural: [
    'purchasefrequency', 'frequency', 'budget', 'amount', 'spend', 'habits', 'preferences', 'usage',
    '购买频率', '購買頻率', '频率', '頻率', '预算', '預算', '金额', '金額', '消费', '消費', '习惯', '習慣', '偏好',
  ],
  psychographic: ['values', 'lifestyle', 'interests', 'hobbies', 'personality', '价值观', '價值觀', '生活方式', '兴趣', '興趣', '爱好', '愛好', '性格'],
  needs: ['need', 'needs', 'pain', 'painpoints', 'goal', 'goals', 'expectations', '需求', '痛点', '痛點', '目标', '目標', '期望'],
};

/** Words that only say whose attribute it is ("Customer name", "受访者年龄"): dropped when the full header is not known. */
const SUBJECT_PREFIXES = ['participant', 'respondent', 'interviewee', 'customer', 'user', '参与者', '參與者', '受访者', '受訪者', '被访者', '被訪者', '客户', '客戶', '用户', '用戶'];

const KNOWN = new Map<string, ColumnTarget>();
for (const [field, names] of Object.entries(FIELD_NAMES) as Array<[ParticipantField, string[]]>) {
  for (const name of names) KNOWN.set(normaliseKey(name), { kind: 'field', field });
}
for (const [dimension, names] of Object.entries(ATTRIBUTE_NAMES) as Array<[SegmentDimension, string[]]>) {
  // The name is filled in from the header itself, so a Chinese header stays Chinese.
  for (const name of names) KNOWN.set(normaliseKey(name), { kind: 'attribute', dimension, name: '' });
}

function recognise(header: string): ColumnTarget | undefined {
  const key = normaliseKey(header);
  if (key === '') return undefined;
  const exact = KNOWN.get(key);
  if (exact) return exact;
  for (const prefix of SUBJECT_PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      const target = KNOWN.get(key.slice(prefix.length));
      if (target) return target;
    }
  }
  return undefined;
}

/** The key planImport uses to refuse two columns going to the same place. */
export function targetKey(target: ColumnTarget): string | null {
  if (target.kind === 'field') return `field:${target.field}`;
  if (target.kind === 'attribute') return `attribute:${target.dimension}:${target.name.trim().toLowerCase()}`;
  return null;
}

/**
 * Suggests a target per header. Unrecognised columns are ignored rather than guessed
 * into some dimension, so nothing surprising is imported; each field and attribute
 * goes to its first matching column only, because planImport refuses two.
 */
export function suggestMapping(headers: string[]): ColumnTarget[] {
  const taken = new Set<string>();
  return headers.map((header): ColumnTarget => {
    const known = recognise(header);
    if (!known) return { kind: 'ignore' };
    const name = header.trim().slice(0, 100);
    const target: ColumnTarget =
      known.kind === 'attribute' ? { kind: 'attribute', dimension: known.dimension, name } : { ...known };
    const key = targetKey(target);
    if (key === null || taken.has(key)) return { kind: 'ignore' };
    taken.add(key);
    return target;
  });
}
