// One post's problems with their line/character ranges, as the workspace model caches them.
import { LineIndex } from '../core/edits';
import type { Problem } from '../core/types';
import { validatePost, type ValidateOptions } from '../core/validate';

/**
 * Validates `text` (when `validated`) and computes `[startLine, startChar, endLine, endChar]` of each problem; a
 * validator that throws gives no problems and is reported through `warn`.
 */
export function analyzeText(text: string, validated: boolean, options: () => ValidateOptions, warn: (e: Error) => void): { problems: Problem[]; ranges: number[] } {
  let problems: Problem[] = [];
  const ranges: number[] = [];
  try {
    problems = validated ? validatePost(text, options()) : [];
  } catch (e) {
    warn(e as Error);
  }
  if (problems.length) {
    const lines = new LineIndex(text);
    for (const p of problems) {
      const a = lines.positionAt(p.start); const b = lines.positionAt(p.end);
      ranges.push(a.line, a.character, b.line, b.character);
    }
  }
  return { problems, ranges };
}
