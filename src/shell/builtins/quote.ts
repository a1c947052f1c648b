/** Quoting values for re-input as dash prints them (`set`, `export -p`, `trap`, `alias`): 'it'"'"'s'. */
export function quote(s: string): string {
  if (s === '') return "''";
  return s.split(/('+)/).filter((r) => r !== '').map((r) => (r.startsWith("'") ? `"${r}"` : `'${r}'`)).join('');
}
