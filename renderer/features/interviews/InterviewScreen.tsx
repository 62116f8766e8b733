// Interview mode: a focused full-window layout with the script in view and notes
// typed live, one editor per question. Everything is reachable by keyboard (see
// keys.ts); notes are saved continuously and flushed before leaving.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { elapsedNow } from '../../../shared/sessionClock';
import type { Tag } from '../../../shared/api/codebook';
import type { JourneyStage } from '../../../shared/api/entities';
import type { Finding, SessionDetail } from '../../../shared/api/sessions';
import type { FindingType } from '../../../shared/domain';
import { sendBeforeLeaving } from '../../api/keepalive';
import { inDesktopApp } from '../../api/transport';
import { toBase64 } from '../../api/base64';
import { ApiCallError } from '../../../shared/api/result';
import { call, useOperation } from '../../api/queries';
import { navigate, type Focus } from '../../app/router';
import { useReadOnly } from '../../app/useReadOnly';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../components/errors';
import { showToast } from '../../components/toasts';
import { stageName } from '../overview/stageName';
import { FindingBar } from './FindingBar';
import { InterviewBar } from './InterviewBar';
import { commandFor, isComposing, KEY, type InterviewCommand } from './keys';
import { markFinding } from './markFinding';
import { NoteEditor, readMarkTarget } from './NoteEditor';
import { EMPTY_STATE_VECTOR, openingNotes, restoreKeptNotes } from './keptNotes';
import { apiNoteTransport } from './collab/apiNoteTransport';
import { NoteSyncs } from './collab/noteSyncs';
import { ScriptPane, type QuestionMark } from './ScriptPane';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SummaryView } from './SummaryView';
import { useNow } from './useNow';

export function InterviewScreen({ studyId, sessionId, focus }: { studyId: string; sessionId: string; focus?: Focus }) {
  const { t } = useTranslation();
  // Always read the notes fresh when interview mode opens: the editors start from
  // them, and a cached copy from an earlier visit would be older than the disk.
  const detail = useQuery({
    queryKey: ['session.get', { id: sessionId }],
    queryFn: () => call('session.get', { id: sessionId }),
    refetchOnMount: 'always',
  });
  const overview = useOperation('study.overview', { id: studyId });
  const tags = useOperation('tag.list', { studyId });
  // Arriving from a search hit opens the notes themselves, at the paragraph.
  const [reviewing, setReviewing] = useState(Boolean(focus?.paragraphKey || focus?.questionId));
  if (!detail.data || !detail.isFetchedAfterMount || !overview.data || !tags.data) {
    return <p className="muted screen">{detail.error ? errorMessage(t, detail.error) : t('common.loading')}</p>;
  }
  if (detail.data.session.status === 'completed' && !reviewing) {
    return (
      <SummaryView
        sessionId={sessionId}
        studyId={studyId}
        stages={overview.data.stages}
        onReview={() => setReviewing(true)}
        onBack={() => navigate({ screen: 'interviews', studyId })}
      />
    );
  }
  return <Interview detail={detail.data} stages={overview.data.stages} tags={tags.data} studyId={studyId} focus={focus} />;
}

/** Scrolls the paragraph a search hit points at into view and marks it for a moment. */
function useFocusParagraph(paragraphKey: string | undefined) {
  useEffect(() => {
    if (!paragraphKey) return;
    let tries = 0;
    const timer = setInterval(() => {
      const paragraph = document.querySelector<HTMLElement>(`.note-editor [data-pid="${CSS.escape(paragraphKey)}"]`);
      if (!paragraph && ++tries < 40) return;
      clearInterval(timer);
      if (!paragraph) return;
      paragraph.scrollIntoView({ block: 'center' });
      paragraph.classList.add('search-focus');
      setTimeout(() => paragraph.classList.remove('search-focus'), 4000);
    }, 50);
    return () => clearInterval(timer);
  }, [paragraphKey]);
}

/**
 * Where an interview reopens: the question it was on. Starting an interview sets its
 * first question, so a started one with none was left in the other notes and reopens
 * there; one not yet started opens on its first question.
 */
function initialQuestion(session: SessionDetail['session'], questions: ReadonlyArray<{ id: string }>): string | null {
  if (session.currentQuestionId) return session.currentQuestionId;
  return session.startedAt ? null : (questions[0]?.id ?? null);
}

function Interview({ detail, stages, tags, studyId, focus }: { detail: SessionDetail; stages: JourneyStage[]; tags: Tag[]; studyId: string; focus?: Focus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { session } = detail;
  const sessionId = session.id;
  const live = session.status === 'in_progress' || session.status === 'paused';
  const now = useNow(1000, session.status === 'in_progress');
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);
  const elapsed = useCallback(() => elapsedNow(sessionRef.current, Date.now()), []);

  const sections = useMemo(() => detail.guide?.sections ?? [], [detail.guide]);
  const questions = useMemo(() => sections.flatMap((s) => s.questions), [sections]);
  const [currentId, setCurrentId] = useState<string | null>(
    focus?.questionId !== undefined ? focus.questionId || null : initialQuestion(session, questions),
  );
  useFocusParagraph(focus?.paragraphKey);
  const current = questions.find((q) => q.id === currentId) ?? null;
  const next = current ? (questions[questions.indexOf(current) + 1] ?? null) : null;

  // Each question's notes are a document shared with any other editor of this
  // interview (a second note-taker); copies an earlier page kept in the old format,
  // because they could not be saved, go back to the library first.
  const [opening] = useState(() => openingNotes(sessionId, detail.notes));
  const { readOnly, reason } = useReadOnly();
  const saver = useMemo(
    () =>
      new NoteSyncs(
        sessionId,
        apiNoteTransport(),
        inDesktopApp() ? null : localStorage,
        // The global translator: always the current language, without rebuilding the saver.
        (error) => errorMessage(i18n.t, error),
        (error) => error instanceof ApiCallError && ['invalid_input', 'not_found', 'read_only', 'conflict'].includes(error.code),
        () => showToast({ tone: 'info', message: i18n.t('capture.keptRestored') }, 30_000),
      ),
    [sessionId],
  );
  const fail = useCallback((error: unknown) => showToast({ tone: 'error', message: errorMessage(t, error) }), [t]);
  useEffect(() => {
    if (!opening.restored.length) return;
    void restoreKeptNotes(sessionId, opening.restored).catch(fail);
    const merged = opening.restored.some((r) => r.merged);
    showToast({ tone: 'info', message: i18n.t(merged ? 'capture.keptMerged' : 'capture.keptRestored') }, 30_000);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for what this page opened with
  }, [opening, sessionId]);
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  const editorRef = useRef<LexicalEditor | null>(null);
  const [activeFinding, setActiveFinding] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  /** Every overlay of interview mode hands the keyboard back to the notes when it closes. */
  const focusNotes = useCallback(() => editorRef.current?.focus(), []);
  const [lastType, setLastType] = useState<FindingType>('do');
  const findings = detail.findings;
  const questionFindings = findings.filter((f) => f.questionId === currentId);
  const findingKeys = useMemo(() => new Set(findings.flatMap((f) => (f.paragraphKey ? [f.paragraphKey] : []))), [findings]);
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: ['session.get', { id: sessionId }] }), [client, sessionId]);

  const goto = useCallback(
    (questionId: string | null) => {
      setCurrentId(questionId);
      setActiveFinding(null);
      // Read-only, the notes can still be read question by question; only the place is not kept.
      if (!readOnly) call('session.goto', { id: sessionId, questionId }).then(refresh, fail);
      requestAnimationFrame(() => editorRef.current?.focus());
    },
    [sessionId, refresh, fail, readOnly],
  );
  const step = useCallback(
    (offset: 1 | -1) => {
      const index = current ? questions.indexOf(current) : questions.length;
      const target = questions[index + offset];
      if (target) goto(target.id);
      else if (offset === 1 && current) goto(null);
    },
    [current, questions, goto],
  );

  const mark = useCallback(async () => {
    if (readOnly) {
      showToast({ tone: 'info', message: t('app.readOnlyAction') });
      return;
    }
    const editor = editorRef.current;
    // The editor learns of a caret move or Shift+arrow selection from 'selectionchange',
    // which the browser may deliver after the next key: take the selection from the page.
    const dom = window.getSelection();
    if (editor && dom?.anchorNode && editor.getRootElement()?.contains(dom.anchorNode)) {
      editor.update(
        () => {
          const selection = $createRangeSelectionFromDom(dom, editor);
          if (selection) $setSelection(selection);
        },
        { discrete: true },
      );
    }
    const target = editor && readMarkTarget(editor);
    if (!target) {
      showToast({ tone: 'info', message: t('capture.nothingToMark') });
      return;
    }
    try {
      await saver.flushAll();
      // The findings as the library has them now, not as last shown: wording just edited
      // in the bar may not be on screen yet, and must not be taken for the paragraph's.
      const latest = await client.fetchQuery({ queryKey: ['session.get', { id: sessionId }], queryFn: () => call('session.get', { id: sessionId }), staleTime: 0 });
      const id = await markFinding(target, latest.findings, { sessionId, questionId: currentId, type: lastType }, { refresh, fail });
      await refresh();
      setActiveFinding(id);
    } catch (error) {
      fail(error);
    }
  }, [client, saver, sessionId, currentId, lastType, refresh, fail, t, readOnly]);

  // Read the latest status through a ref, and flip it at once: two quick Alt+P presses
  // must pause and then resume, not pause twice.
  const pausedRef = useRef(session.status === 'paused');
  useEffect(() => {
    pausedRef.current = session.status === 'paused';
  }, [session.status]);
  const togglePause = useCallback(() => {
    if (readOnly) return;
    const op = pausedRef.current ? 'session.resume' : 'session.pause';
    pausedRef.current = !pausedRef.current;
    call(op, { id: sessionId }).then(refresh, fail);
  }, [sessionId, refresh, fail, readOnly]);

  const markQuestion = useCallback(
    (questionId: string, state: QuestionMark) => (readOnly ? undefined : call('session.markQuestion', { id: sessionId, questionId, state }).then(refresh, fail)),
    [sessionId, refresh, fail, readOnly],
  );
  const currentMark = current ? detail.progress.find((p) => p.questionId === current.id)?.state : undefined;
  const run = useCallback(
    (command: InterviewCommand) => {
      if (command === 'next') step(1);
      else if (command === 'previous') step(-1);
      else if (command === 'mark') void mark();
      else if (command === 'skip' && current && !readOnly) {
        // The same key takes a skip back: a question skipped by mistake is one press away.
        if (currentMark === 'skipped') void markQuestion(current.id, 'none');
        else {
          void markQuestion(current.id, 'skipped');
          step(1);
        }
      } else if (command === 'asked' && current && !readOnly) {
        // Its button goes once the question is asked: hand the keyboard back to the notes.
        if (document.activeElement?.closest('.script-controls')) editorRef.current?.focus();
        void markQuestion(current.id, 'asked');
      } else if (command === 'other') goto(null);
      else if (command === 'pause' && live) togglePause();
      else if (command === 'save') void saver.flushAll().catch(fail);
      else if (command === 'help') setHelp((h) => !h);
      else if (command === 'findings') document.querySelector<HTMLElement>('.finding-chip')?.focus();
    },
    [step, mark, current, currentMark, markQuestion, goto, live, togglePause, saver, fail, readOnly],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isComposing(event)) return;
      const target = event.target as HTMLElement | null;
      const typing = Boolean(target?.closest('input, textarea, select, [contenteditable="true"]'));
      const command = commandFor(event) ?? (event.key === '?' && !typing ? 'help' : null);
      if (!command) return;
      // A question being asked in a dialog (end the interview?) is answered first; only
      // the shortcuts overlay takes its own key to close.
      const dialog = target?.closest('dialog');
      if (dialog && !(command === 'help' && dialog.querySelector('[data-testid="shortcuts"]'))) return;
      event.preventDefault();
      event.stopPropagation();
      run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run]);

  // Nothing typed is lost when the window closes or reloads.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsaved()) return;
      // In the browser each editor already keeps what is unsent, to be sent at the next start
      // in case the requests below fail.
      for (const { note, client, update } of saver.unsaved()) {
        sendBeforeLeaving('note.sync', { ...note, client, stateVector: EMPTY_STATE_VECTOR, update: toBase64(update) });
      }
      event.preventDefault();
      // In the desktop app this cancels the close; the window closes once the notes are saved.
      void saver.flushAll().then(() => window.api && window.close(), () => undefined);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saver]);

  const leave = async (then: () => void) => {
    try {
      await saver.flushAll();
      then();
    } catch (error) {
      fail(error);
    }
  };
  const end = () =>
    void leave(() => {
      call('session.end', { id: sessionId }).then(() => {
        void client.invalidateQueries();
      }, fail);
    });

  const active = findings.find((f) => f.id === activeFinding) ?? null;
  const onQuestion = live ? elapsedNow(session, now) - session.questionEnteredMs : 0;

  return (
    <div className="interview" data-testid="interview">
      <InterviewBar
        detail={detail}
        elapsedMs={elapsedNow(session, now)}
        status={status}
        onPause={togglePause}
        onSave={() => run('save')}
        onEnd={() => setConfirmingEnd(true)}
        onHelp={() => setHelp(true)}
        onExit={() => void leave(() => navigate({ screen: 'interviews', studyId }))}
        reviewing={session.status === 'completed'}
        readOnlyReason={reason}
      />
      <div className="interview-body">
        <ScriptPane
          sections={sections}
          current={current}
          next={next}
          progress={detail.progress}
          onQuestion={onQuestion}
          live={live}
          onJump={goto}
          onCommand={run}
          onMark={(questionId, state) => void markQuestion(questionId, state)}
          readOnlyReason={reason}
        />
        <main className="notes-pane">
          <header className="notes-head">
            <h2>{current ? current.text : t('capture.otherNotes')}</h2>
            <span className="muted">{current?.stageId ? stageName(t, stages.find((s) => s.id === current.stageId) ?? { name: '', defaultKey: null }) : ''}</span>
          </header>
          <NoteEditor
            key={currentId ?? 'other'}
            providerFactory={saver.providerFactory(currentId)}
            author={detail.session.interviewer || t('capture.noteTaker')}
            elapsed={elapsed}
            label={t('capture.notesFor', { question: current?.text ?? t('capture.otherNotes') })}
            placeholder={t('capture.placeholder')}
            findingKeys={findingKeys}
            editorRef={editorRef}
            readOnly={readOnly}
          />
          <section className="question-findings" aria-label={t('capture.findingsHere')}>
            <p className="eyebrow">
              {t('capture.findingsHere')} · <kbd>{KEY.markFinding}</kbd> {t('capture.markHint')}
            </p>
            <ul>
              {questionFindings.map((f: Finding) => (
                <li key={f.id}>
                  <button className={`finding-chip type-${f.type}`} onClick={() => setActiveFinding(f.id)} data-testid="finding">
                    <span className="finding-type">{t(`findingTypes.${f.type}.name`)}</span>
                    <span className="finding-text">{f.text}</span>
                    {f.stageId && <span className="chip">{stageName(t, stages.find((s) => s.id === f.stageId) ?? { name: '', defaultKey: null })}</span>}
                    {f.terms.map((k) => (
                      <span key={k} className={`terms-chip terms-${k}`}>
                        {k}
                      </span>
                    ))}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {active && (
            <FindingBar
              key={active.id}
              finding={active}
              stages={stages}
              tags={tags}
              onDone={(typed) => {
                setLastType(active.type);
                setActiveFinding(null);
                // At once, in the key's own task, not a frame later: a key pressed while the
                // bar goes away must land in the notes, not on the page.
                const editor = editorRef.current;
                if (!editor) return;
                editor.update(
                  () => {
                    // Back at the end of what was marked, not with it still selected: the
                    // next key would replace the very words just marked.
                    const selection = $getSelection();
                    if ($isRangeSelection(selection) && !selection.isCollapsed()) {
                      const { key, offset, type } = selection.isBackward() ? selection.anchor : selection.focus;
                      selection.anchor.set(key, offset, type);
                      selection.focus.set(key, offset, type);
                    }
                    // A key the bar does not use is typing: it goes on in the notes, nothing lost.
                    if (typed) $getSelection()?.insertText(typed);
                  },
                  { discrete: true },
                );
                editor.focus();
              }}
            />
          )}
        </main>
      </div>
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} returnFocus={focusNotes} />}
      {confirmingEnd && (
        <ConfirmDialog
          title={t('capture.endConfirmTitle')}
          body={t('capture.endConfirmBody')}
          confirmLabel={t('capture.end')}
          tone="primary"
          enterConfirms
          returnFocus={focusNotes}
          onCancel={() => setConfirmingEnd(false)}
          onConfirm={() => {
            setConfirmingEnd(false);
            end();
          }}
        />
      )}
    </div>
  );
}
