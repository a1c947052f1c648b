/** The case-file parser (format.ts): blocks, defaults, JSON forms, documented differences, errors. */
import { describe, expect, it } from 'vitest';
import { expectedOnPosixbox, parseCases } from './format.js';

const FILE = [
  '# a comment before the first case',
  '',
  '#### echo one',
  'echo a',
  'echo b',
  '## stdout:',
  'a',
  'b',
  '',
  '#### no output',
  'true',
  '',
  '',
  '#### status and stderr',
  'nosuch',
  '## stderr:',
  'sh: 1: nosuch: not found',
  '## status: 127',
  '',
  '#### a blank line kept inside a block',
  'echo a; echo; echo c',
  '## stdout:',
  'a',
  '',
  'c',
  '## status: 0',
  '#### json and stdin',
  'cat; printf x',
  '## stdin:',
  'in',
  '## stdout-json: "in\\nx"',
  '#### documented',
  'echo $0',
  '## stdout:',
  'sh',
  '## differs: a reason',
  '## posixbox-stdout:',
  'box',
  '## posixbox-status: 3',
].join('\n') + '\n';

describe('parseCases', () => {
  const cases = parseCases(FILE, 'f.sh');
  it('reads every case with its defaults', () => {
    expect(cases.map((c) => [c.name, c.line, c.script, c.stdin, c.stdout, c.stderr, c.status])).toEqual([
      ['echo one', 3, 'echo a\necho b\n', undefined, 'a\nb\n', '', 0],
      ['no output', 10, 'true\n', undefined, '', '', 0],
      ['status and stderr', 14, 'nosuch\n', undefined, '', 'sh: 1: nosuch: not found\n', 127],
      ['a blank line kept inside a block', 20, 'echo a; echo; echo c\n', undefined, 'a\n\nc\n', '', 0],
      ['json and stdin', 27, 'cat; printf x\n', 'in\n', 'in\nx', '', 0],
      ['documented', 32, 'echo $0\n', undefined, 'sh\n', '', 0],
    ]);
  });
  it('applies documented posixbox results over dash\'s', () => {
    const d = cases[5]!;
    expect([d.differs, expectedOnPosixbox(d)]).toEqual(['a reason', { stdout: 'box\n', stderr: '', status: 3 }]);
    expect(expectedOnPosixbox(cases[0]!)).toEqual({ stdout: 'a\nb\n', stderr: '', status: 0 });
  });
  it.each([
    ['#### \necho\n', 'f.sh:1: a case needs a name'],
    ['#### x\n## stdout:\n', "f.sh:1: case 'x' has no script"],
    ['#### x\ntrue\n## status: 300\n', "f.sh:1: bad status '300'"],
    ['#### x\ntrue\n## colour: red\n', "f.sh:3: unknown key 'colour'"],
    ['#### x\ntrue\n## stdout: a\n', "f.sh:3: '## stdout:' takes its text on the lines below"],
    ['#### x\ntrue\n## stdout-json: a\n', 'f.sh:3: bad JSON string'],
    ['#### x\ntrue\n## stdout:\n## stdout:\n', "f.sh:4: 'stdout' given twice"],
    ['#### x\ntrue\n## posixbox-status: 1\n', "f.sh:1: posixbox- results need '## differs:'"],
    ['#### x\ntrue\n#### x\nfalse\n', "f.sh:3: duplicate case name 'x'"],
    ['#### x\ntrue\n## two words\n', "f.sh:3: expected a '## key:' line, got '## two words'"],
  ])('rejects %j', (text, message) => {
    expect(() => parseCases(text, 'f.sh')).toThrow(message);
  });
});
