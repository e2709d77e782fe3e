import { diffWordsWithSpace } from 'diff';
import type { Placement, Story } from '../api/types';

// What changed in a re-submitted story since its last approved version: title, angle, body and each
// channel's text, word by word (jsdiff), so a governance lead reviews the change and not the whole
// story again.

/** A run of text: unchanged, added or removed. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  field: 'title' | 'angle' | 'body';
  label: string;
  parts: DiffPart[];
}

export interface PlacementTextChange {
  placementId: string;
  channel: string;
  /** added: a new placement; removed: planned in the approved version, gone or cancelled now. */
  kind: 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

export interface ChangesSinceApproval {
  /** The content version that was approved. */
  since: number;
  fields: FieldChange[];
  placements: PlacementTextChange[];
}

const FIELD_LABELS: Record<FieldChange['field'], string> = { title: 'Title', angle: 'Angle', body: 'Body' };

/** Word-level differences between two texts; one unchanged part when they are equal. */
export function diffText(before: string | null | undefined, after: string | null | undefined): DiffPart[] {
  return diffWordsWithSpace(before ?? '', after ?? '').map(({ value, added, removed }) => ({
    value,
    ...(added ? { added: true } : {}),
    ...(removed ? { removed: true } : {}),
  }));
}

function changed(parts: DiffPart[]): boolean {
  return parts.some((p) => p.added || p.removed);
}

function channelOf(p: { channelName?: string | null; channelId: string }): string {
  return p.channelName || p.channelId;
}

/** The changes since the last approval, or null when the story was never approved. */
export function changesSinceApproval(story: Story): ChangesSinceApproval | null {
  const approved = story.lastApprovedContent;
  if (!approved) return null;
  const fields = (['title', 'angle', 'body'] as const)
    .map((field) => ({ field, label: FIELD_LABELS[field], parts: diffText(approved[field], story[field]) }))
    .filter((f) => changed(f.parts));

  const now = new Map<string, Placement>(
    (story.placements ?? []).filter((p) => p.status !== 'CANCELLED').map((p) => [p.placementId, p]),
  );
  const before = new Map(approved.placements.map((p) => [p.placementId, p]));
  const placements: PlacementTextChange[] = [];
  for (const [id, current] of now) {
    const old = before.get(id);
    if (!old) {
      placements.push({ placementId: id, channel: channelOf(current), kind: 'added', parts: [{ value: current.text, added: true }] });
    } else if (old.text !== current.text) {
      placements.push({ placementId: id, channel: channelOf(current), kind: 'changed', parts: diffText(old.text, current.text) });
    }
  }
  for (const [id, old] of before) {
    if (!now.has(id)) placements.push({ placementId: id, channel: channelOf(old), kind: 'removed', parts: [{ value: old.text, removed: true }] });
  }
  return { since: approved.contentVersion, fields, placements };
}
