// Dates as people read and type them in the UI's language: "Dec 5, 2026, 2:30 PM",
// "2026年12月5日 14:30". A native date input shows the browser's locale instead, so the
// app's date fields format and read dates here. Values are the native inputs' own
// strings ("2026-12-05", "2026-12-05T14:30", local time), so a field can be swapped in.

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parts of a value "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm"; null when empty or malformed. */
export function partsOfValue(value: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0) };
}

export function valueOfParts(parts: DateParts, withTime: boolean): string {
  const date = `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`;
  return withTime ? `${date}T${pad(parts.hour)}:${pad(parts.minute)}` : date;
}

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}

/** The value as the UI's language writes it; '' for an empty or malformed value. */
export function formatDateValue(value: string, locale: string, withTime: boolean): string {
  const p = partsOfValue(value);
  if (!p) return '';
  return formatter(locale, withTime).format(new Date(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/** Month names of the locale, long and short, each with its month number. */
function monthNames(locale: string): Array<[string, number]> {
  const names: Array<[string, number]> = [];
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
    for (let i = 0; i < 12; i++) names.push([format.format(new Date(Date.UTC(2000, i, 15))).toLowerCase().replace(/\.$/, ''), i + 1]);
  }
  // Longest first, so "June" is not read as "Jun" plus an "e".
  return names.sort((a, b) => b[0].length - a[0].length);
}

/** The order the locale writes day, month and year in numbers, e.g. ['month', 'day', 'year']. */
function numericOrder(locale: string): Array<'year' | 'month' | 'day'> {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(2000, 10, 22))
    .flatMap((p) => (p.type === 'year' || p.type === 'month' || p.type === 'day' ? [p.type] : []));
}

const AFTERNOON = /(pm|p\.m\.|下午|晚上|中午)/i;
const MORNING = /(am|a\.m\.|上午|早上|凌晨)/i;

/**
 * Reads a date (and time) typed in the UI's language, in its usual orders and in ISO
 * form; returns the field's value, or null when the text is not a date.
 */
export function parseDateText(text: string, locale: string, withTime: boolean): string | null {
  let rest = text.trim().toLowerCase();
  if (!rest) return null;
  // Full-width digits and punctuation, as Chinese input methods may type them.
  rest = rest.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let hour = 0;
  let minute = 0;
  const time = /(\d{1,2})\s*[:：]\s*(\d{2})/.exec(rest) ?? /(\d{1,2})\s*[点點时時]\s*(半|\d{1,2}\s*分?)?/.exec(rest);
  if (time) {
    hour = Number(time[1]);
    minute = time[2] === '半' ? 30 : parseInt(time[2] ?? '0', 10);
    if (AFTERNOON.test(rest) && hour < 12) hour += 12;
    if (MORNING.test(rest) && hour === 12) hour = 0;
    rest = rest.slice(0, time.index) + ' ' + rest.slice(time.index + time[0].length);
  }
  let month: number | null = null;
  for (const [name, number] of monthNames(locale)) {
    if (/^\d/.test(name)) continue; // numeric "12月" names are read with the numbers below
    const at = rest.indexOf(name);
    if (at >= 0) {
      month = number;
      rest = rest.slice(0, at) + ' ' + rest.slice(at + name.length);
      break;
    }
  }
  const numbers = (rest.match(/\d+/g) ?? []).map(Number);
  let year: number | undefined;
  let day: number | undefined;
  const yearAt = (rest.match(/\d+/g) ?? []).findIndex((n) => n.length === 4);
  if (yearAt >= 0) year = numbers.splice(yearAt, 1)[0];
  if (month !== null) {
    day = numbers[0];
  } else if (yearAt === 0 || /^\s*\d{4}/.test(rest)) {
    // Year first (ISO, Chinese): year, month, day.
    [month = null, day] = [numbers[0] ?? null, numbers[1]];
  } else {
    const order = numericOrder(locale).filter((p) => p !== 'year');
    const byPart: Record<string, number | undefined> = { [order[0] ?? 'month']: numbers[0], [order[1] ?? 'day']: numbers[1] };
    month = byPart.month ?? null;
    day = byPart.day;
  }
  if (year === undefined || month === null || day === undefined) return null;
  const date = new Date(year, month - 1, day, hour, minute);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  return valueOfParts({ year, month, day, hour, minute }, withTime);
}
