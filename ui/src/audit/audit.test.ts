import { describe, expect, it } from 'vitest';
import { auditQuery } from '../api/endpoints';
import type { AuditEntry } from '../api/types';
import { checkpointSays, EMPTY_AUDIT_FILTERS, isLastPage, storyTrail, subjectOf } from './audit';

const entry = (change: Partial<AuditEntry>): AuditEntry => ({
  entryId: 1000,
  position: 1,
  at: '2027-03-04T09:00:00Z',
  by: 'eddie',
  action: 'PlacementPublished',
  aggregateType: 'Story',
  aggregateId: 's1',
  version: 7,
  storyId: 's1',
  placementId: null,
  channels: [],
  campaign: null,
  correlationId: 'c1',
  reason: null,
  data: {},
  ...change,
});

describe('audit', () => {
  it('asks only for the filters that are set, and the page', () => {
    expect(auditQuery({ ...EMPTY_AUDIT_FILTERS, person: ' eddie ', action: 'PlacementPublished' }, { page: 2, size: 50 }))
      .toBe('?person=eddie&action=PlacementPublished&page=2&size=50');
    expect(auditQuery(EMPTY_AUDIT_FILTERS)).toBe('');
  });

  it("shows a story's full trail by its id alone", () => {
    expect(storyTrail('s1')).toEqual({ ...EMPTY_AUDIT_FILTERS, story: 's1' });
  });

  it('names the placement and channel an entry concerns, else its story or aggregate', () => {
    expect(subjectOf(entry({ placementId: 'press', channels: ['press-release'] }))).toBe('press (press-release)');
    expect(subjectOf(entry({ storyId: null, aggregateId: 'user:lisa', aggregateType: 'UserAccount' }))).toBe('user:lisa');
    expect(subjectOf(entry({ storyId: null, aggregateId: null, channels: ['x', 'linkedin'] }))).toBe('x, linkedin');
  });

  it('knows the last page', () => {
    expect(isLastPage(120, 1, 50)).toBe(false);
    expect(isLastPage(120, 2, 50)).toBe(true);
    expect(isLastPage(0, 0, 50)).toBe(true);
  });

  it('says a checkpoint that is not ours proves nothing, rather than that it does not match', () => {
    expect(checkpointSays({ signatureValid: false, problem: 'not ours' })).toContain('proves nothing');
    expect(checkpointSays({ signatureValid: false })).not.toContain('does not match');
    expect(checkpointSays({ signatureValid: true, matches: false })).toContain('does not match');
    expect(checkpointSays({ signatureValid: true, matches: true })).toContain('matches');
  });
});
