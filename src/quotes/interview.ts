// Interviews and dialogue: answers are the interviewee's words even without quotation marks.
// Two layouts are common in French news: "Q. ... ? R. ..." (or QUESTION / RÉPONSE), and one
// paragraph per turn introduced by a dash, questions ending in "?".
import type { Doc } from '../doc/document.js';

export interface Answer {
  start: number;
  end: number;
}

const ANSWER_MARK = /(?:^|[\s.?!»])(R\s?\.|R\s?:|REPONSE\s?[.:]|RÉPONSE\s?[.:]|Réponse\s?:)\s+/gu;
const QUESTION_MARK = /(?:^|[\s.?!»])(Q\s?\.|Q\s?:|QUESTION\s?[.:]|Question\s?:)\s+/gu;
const DASH_TURN = /^[\s\u00A0]*[—–-][\s\u00A0]+/u;

export function findAnswers(doc: Doc): Answer[] {
  return [...markedAnswers(doc), ...dashAnswers(doc)].sort((a, b) => a.start - b.start);
}

/** "Q. Les motivations sont-elles comparables? R. Ce qui caractérisait ..." */
function markedAnswers(doc: Doc): Answer[] {
  const text = doc.text;
  const questions: number[] = [];
  for (const m of text.matchAll(QUESTION_MARK))
    questions.push((m.index ?? 0) + m[0].length - m[0].trimStart().length);
  if (questions.length === 0) return [];
  const out: Answer[] = [];
  for (const m of text.matchAll(ANSWER_MARK)) {
    const start = (m.index ?? 0) + m[0].length;
    // The answer must follow a question: an "R." far from any "Q." is an initial (R. Dupont).
    if (!questions.some((q) => q < start && start - q < 2000)) continue;
    const nextQuestion = questions.find((q) => q > start) ?? text.length;
    const lineEnd = nextParagraphBreak(text, start);
    out.push(trim(text, start, Math.min(nextQuestion, lineEnd)));
  }
  return out.filter((a) => a.end - a.start > 10);
}

/** "— Pourquoi ce choix ?\n— Parce que ..." : a dash paragraph after a dash question. */
function dashAnswers(doc: Doc): Answer[] {
  const text = doc.text;
  const out: Answer[] = [];
  let previousWasQuestion = false;
  for (const p of doc.paragraphs) {
    const para = text.slice(p.start, p.end);
    const dash = DASH_TURN.exec(para);
    if (!dash) {
      previousWasQuestion = false;
      continue;
    }
    const isQuestion = /\?\s*$/.test(para);
    if (!isQuestion && previousWasQuestion) out.push(trim(text, p.start + dash[0].length, p.end));
    previousWasQuestion = isQuestion;
  }
  return out;
}

function nextParagraphBreak(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

function trim(text: string, start: number, end: number): Answer {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
