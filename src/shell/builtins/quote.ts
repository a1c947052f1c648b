/** Quoting values for re-input as dash prints them (`set`, `export -p`, `trap`, `alias`): 'it'"'"'s'. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
