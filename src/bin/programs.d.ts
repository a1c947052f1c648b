/**
 * The /bin utilities as program images, name → `#!posixbox\n` + the bundled module. Generated:
 * scripts/build.mjs writes dist/programs.js from src/bin/*.ts; package.json maps `#programs` (for
 * src/index.ts) and `posixbox/programs` (for users) to it, with these types.
 */
export declare const PROGRAMS: Readonly<Record<string, string>>;
