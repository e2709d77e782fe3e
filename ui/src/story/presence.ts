import type { Presence } from '../api/types';

function name(username: string): string {
  return username.charAt(0).toUpperCase() + username.slice(1);
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Lena is viewing", "Lena and Grace are viewing · Eddie is editing"; others than me only. */
export function presenceText(presence: Presence | undefined, me: string): string {
  const people = (presence?.people ?? []).filter((p) => p.username !== me);
  const editing = [...new Set(people.filter((p) => p.mode === 'EDITING').map((p) => name(p.username)))];
  const viewing = [
    ...new Set(people.filter((p) => p.mode !== 'EDITING' && !editing.includes(name(p.username))).map((p) => name(p.username))),
  ];
  const parts: string[] = [];
  if (editing.length) parts.push(`${list(editing)} ${editing.length === 1 ? 'is' : 'are'} editing`);
  if (viewing.length) parts.push(`${list(viewing)} ${viewing.length === 1 ? 'is' : 'are'} viewing`);
  return parts.join(' · ');
}
