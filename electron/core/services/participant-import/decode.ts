// Turns the bytes of an uploaded CSV file into text: size and junk checks first, then
// the encoding (a BOM, strict UTF-8, or the likelier of GB18030 and Big5, which is what
// Excel writes on Chinese Windows). Every failure is an ImportFileError whose message
// a researcher can act on, so the import screen never shows mojibake or a stack trace.

import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/api/participants.js';

export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;

export type CsvEncoding = 'utf-8' | 'gb18030' | 'big5';

export type ImportFileErrorCode = 'too_large' | 'empty' | 'binary' | 'undecodable' | 'no_header' | 'too_many_rows';

export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const ENCODING_LABELS: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' };

/**
 * Frequent characters in their simplified and traditional forms, plus the words that
 * participant lists use (field names, cities, sources). A correct decoding of real
 * text hits these often; decoding with the wrong one of GB18030/Big5 still "succeeds"
 * (the two byte ranges overlap) but yields rare characters and stray symbols instead.
 * Both decodings are scored against the whole list, so traditional text saved as
 * GB18030 is still recognised.
 */
const SIMPLIFIED_COMMON =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体相见被利什二等产或新己制身果加月话合回特代内信表化老给位次度门任常先海通教儿原东声提立及比员解水名真论处走各入几口认条平系气题活更别打女变四总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命金指许区保至形社便空决治展科司五基书非则白界达光放强即像难且权思完设式色路记南品住告类求据程北边张该交规万取拉格望觉领共确传师清今切院让识候带导争笑步改收根干造言联持组每济车亲极林服快办议往元证近失转准布始怎呢存未远叫台单影具字爱流备连调深商算质团集百需价花华城石级整府离况请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史查轻易早曾除农找装广显吧标谈吃图念六引历首医局突专费号另周较注语考落青随选列红' +
  '编号姓龄岁男性职业学历区国购买频预值观兴趣痛招募安排访谈场竞品户话联系邮箱范围杭州苏南京武汉成都重庆西东莞广深圳天津沈阳厦门';
const TRADITIONAL_COMMON =
  '這個們來為國說時會對發後過種經麼現當沒動還進樣從實無與長機關點業將兩間問開學應頭體見產給門員話論處幾認條氣題變別電數報結務場計資區權覺領確傳師讓識帶導爭聯組濟車親極辦議轉準遠單愛備連調質團華級離況請際約複線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號較語隨選紅' +
  '編號齡歲職業學歷區國購買頻預值觀興趣痛點標招募安排訪談場競品戶話聯絡郵箱範圍臺台北高雄桃園新竹基隆香港澳門';
/** Frequent surnames and given-name characters, both forms: a participant list is mostly names. */
const NAME_CHARS =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭蔡潘田董袁于余叶葉蒋蔣杜苏蘇魏程吕呂丁沈任姚卢盧傅钟鍾姜崔谭譚陆陸范汪廖石金韦韋贾賈夏付方邹鄒熊白孟秦邱侯江尹薛闫閻段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬武钱錢戴严嚴莫孔向常汤湯康易乔喬赖賴文' +
  '伟偉芳娜敏静靜丽麗强強磊军軍洋勇艳豔杰傑涛濤明超秀英华華慧巧美玲婷雪志建国國平红紅霞佳怡欣宇浩俊凯凱晨子梓涵轩軒雨琳';
const COMMON_CHARS = new Set([...SIMPLIFIED_COMMON, ...TRADITIONAL_COMMON, ...NAME_CHARS]);

/** Characters a mis-decoded Chinese file is full of and real participant lists hardly use. */
const UNLIKELY_CHARS = /[\uE000-\uF8FF\u3040-\u30FF\u3100-\u312F\uAC00-\uD7AF\uFE30-\uFE4F\u2500-\u257F\u0370-\u04FF\uFFFD]/gu;

/** The start of the file is evidence enough, and keeps a 10 MB file's detection fast. */
const SCORED_CHARS = 64 * 1024;

function scoreChinese(text: string): number {
  const sample = text.slice(0, SCORED_CHARS);
  let score = 0;
  for (const ch of sample) if (COMMON_CHARS.has(ch)) score += 1;
  return score - (sample.match(UNLIKELY_CHARS)?.length ?? 0);
}

/** Decodes strictly: a byte sequence the encoding cannot hold means it is the wrong one. */
function tryDecode(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    // The WHATWG gb18030 decoder keeps a GB18030 BOM as U+FEFF; drop it like UTF-8's.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** NULs never occur in CSV text; other control characters only by accident. */
export function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls += 1;
  }
  return controls > bytes.length / 200;
}

/** The text and its encoding: a BOM, strict UTF-8, or the likelier of GB18030 and Big5 (also used for transcripts). */
export function detect(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode(bytes, 'utf-8');
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) {
    const text = tryDecode(bytes, 'gb18030');
    if (text !== null) return { text, encoding: 'gb18030' };
  }
  // Non-ASCII text in a legacy encoding is almost never valid UTF-8 by chance.
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const candidates: Array<{ text: string; encoding: CsvEncoding; score: number }> = [];
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = tryDecode(bytes, encoding);
    if (text !== null) candidates.push({ text, encoding, score: scoreChinese(text) });
  }
  // Ties go to GB18030 (listed first): it is the more common export and can hold traditional text too.
  const best = candidates.reduce<(typeof candidates)[number] | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
  // More stray symbols than familiar characters means neither reading is text. (Node's
  // Big5 decoder maps some invalid bytes to private-use characters instead of failing.)
  if (best !== null && best.score >= 0) return { text: best.text, encoding: best.encoding };
  throw new ImportFileError(
    'undecodable',
    'The file’s text encoding could not be recognised (it is not UTF-8, GB18030 or Big5). In Excel, save it as “CSV UTF-8” and import it again.',
  );
}

/** Refuses a file over the limit by its size alone, before any of it is decoded. */
export function assertImportSize(byteCount: number): void {
  if (byteCount <= MAX_IMPORT_BYTES) return;
  const mb = (byteCount / (1024 * 1024)).toFixed(1);
  throw new ImportFileError('too_large', `The file is ${mb} MB; participant lists can be at most 10 MB. Split it or remove unused columns.`);
}

/** How many bytes a base64 text decodes to, without decoding it. */
export function base64ByteCount(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** Decodes the file's bytes, detecting the encoding unless one is forced. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding | 'auto' = 'auto'): { text: string; encoding: CsvEncoding } {
  assertImportSize(bytes.length);
  if (bytes.length === 0) throw new ImportFileError('empty', 'The file is empty.');
  // Excel's “Unicode Text” export is UTF-16: full of NUL bytes, so say what it is before calling it binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFileError('undecodable', 'The file is saved as UTF-16 (“Unicode Text”). In Excel, save it as “CSV UTF-8” and import it again.');
  }
  if (looksBinary(bytes)) {
    throw new ImportFileError('binary', 'This does not look like a CSV file: it contains binary data. Choose a .csv file exported from a spreadsheet.');
  }

  let decoded: { text: string; encoding: CsvEncoding };
  if (encoding === 'auto') {
    decoded = detect(bytes);
  } else {
    const text = tryDecode(bytes, encoding);
    if (text === null) {
      throw new ImportFileError(
        'undecodable',
        `The file is not valid ${ENCODING_LABELS[encoding]} text. Choose another encoding, or let the app detect it.`,
      );
    }
    decoded = { text, encoding };
  }
  if (decoded.text.trim() === '') throw new ImportFileError('empty', 'The file is empty.');
  return decoded;
}
