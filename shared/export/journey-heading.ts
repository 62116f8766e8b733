// What a journey-map document says at its head and what its file is called. A map
// keeps the default title ("Customer journey map") until someone renames it, and the
// document already says what kind it is above the title, so a default title gives way
// to the study's name; the study is named once, never twice, and always somewhere.
import type { JourneyDocument } from './document.js';
import type { DocumentLabels } from './document-labels.js';

export interface JourneyHeading {
  /** The document's main heading. */
  title: string;
  /** The line under it: the study (when the heading does not already name it) and the persona. */
  meta: string[];
  /** The exported file's name, without extension: always with the study's name. */
  fileName: string;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export function journeyHeading(doc: Pick<JourneyDocument, 'title' | 'studyName' | 'personaName'>, labels: DocumentLabels): JourneyHeading {
  const untitled = doc.title.trim() === '' || same(doc.title, labels.journeyMap);
  const title = untitled ? doc.studyName : doc.title;
  const namesStudy = title.toLocaleLowerCase().includes(doc.studyName.trim().toLocaleLowerCase());
  const persona = doc.personaName ? `${labels.persona}${labels.colon}${doc.personaName}` : '';
  const meta = [namesStudy ? '' : doc.studyName, persona].filter((s) => s !== '');
  const fileName = untitled ? `${doc.studyName} - ${labels.journeyMap}` : namesStudy ? title : `${doc.studyName} - ${title}`;
  return { title, meta, fileName };
}
