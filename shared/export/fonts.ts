// Font stacks for printed documents. Chromium embeds the glyphs it uses in the PDF,
// so a document printed on a machine with a CJK font reads the same everywhere; the
// stack lists the CJK fonts of Linux (Noto), macOS (PingFang) and Windows (YaHei,
// JhengHei), Traditional first for zh-Hant and Simplified first otherwise.
import type { StudyLanguage } from '../domain.js';

const LATIN = `'Inter', 'Segoe UI', 'Helvetica Neue', Arial`;
const CJK_SC = `'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei'`;
const CJK_TC = `'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei'`;

export function documentFontStack(language: StudyLanguage): string {
  const cjk = language === 'zh-Hant' ? `${CJK_TC}, ${CJK_SC}` : `${CJK_SC}, ${CJK_TC}`;
  return language === 'en' ? `${LATIN}, ${cjk}, sans-serif` : `${cjk}, ${LATIN}, sans-serif`;
}
