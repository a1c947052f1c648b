/**
 * Loading the shell conformance table: every test/sh/cases/*.sh file, parsed (see format.ts),
 * in file-name order; and the failure message both runners print for a case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCases, type Expected, type ShCase } from './format.js';

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

export interface CaseFile {
  readonly file: string;
  readonly cases: readonly ShCase[];
}

/** Every case file, parsed; a file's cases keep their order. */
export function loadCaseFiles(): CaseFile[] {
  return readdirSync(CASES_DIR).filter((f) => f.endsWith('.sh')).sort()
    .map((file) => ({ file, cases: parseCases(readFileSync(CASES_DIR + file, 'utf8'), file) }));
}

/** The message shown above the diff when a case fails: where it is and its script. */
export function describeCase(c: ShCase): string {
  const stdin = c.stdin !== undefined ? `\n--- stdin ---\n${c.stdin}` : '';
  return `${c.file}:${c.line} ${c.name}\n--- script ---\n${c.script}${stdin}--- result (expected vs actual) ---`;
}

/** A result in the same shape as Expected, for one whole comparison. */
export function resultOf(stdout: string, stderr: string, status: number): Expected {
  return { stdout, stderr, status };
}
