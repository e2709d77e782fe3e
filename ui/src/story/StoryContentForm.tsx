import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { fieldError, toProblem } from '../api/problem';
import { AUDIENCES, PRIORITIES, type Audience, type Priority, type StoryContent } from '../api/types';
import { ProblemAlert } from '../feedback/Feedback';
import type { MessageOptions } from '../feedback/messages';
import { keys } from '../live/cache';
import { fromZoneInput, toZoneInput } from '../time/format';
import { ZonedDateTimeInput } from '../time/ZonedDateTimeInput';

// The editable content of a story: used to pitch and to edit the draft (PUT replaces it whole).

export const EMPTY_CONTENT: StoryContent = {
  title: '',
  angle: '',
  body: '',
  desk: '',
  audience: null,
  campaign: '',
  priority: 'NORMAL',
  embargo: null,
  sourceStoryId: null,
};

/** The content part of a story (what PUT /draft expects), with empty strings for absent text. */
export function contentOf(story: Partial<StoryContent>): StoryContent {
  return {
    title: story.title ?? '',
    angle: story.angle ?? '',
    body: story.body ?? '',
    desk: story.desk ?? '',
    audience: story.audience ?? null,
    campaign: story.campaign ?? '',
    priority: story.priority ?? null,
    embargo: story.embargo ?? null,
    sourceStoryId: story.sourceStoryId ?? null,
  };
}

/** What is sent: blanks become null so the server's "absent" and ours agree. */
export function normaliseContent(content: StoryContent): StoryContent {
  const blank = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);
  return {
    title: content.title.trim(),
    angle: blank(content.angle),
    body: blank(content.body),
    desk: content.desk.trim(),
    audience: content.audience || null,
    campaign: blank(content.campaign)?.trim() ?? null,
    priority: content.priority || null,
    embargo: content.embargo || null,
    sourceStoryId: blank(content.sourceStoryId)?.trim() ?? null,
  };
}

/** Says which known campaign the typed id is, or that it is a new name. */
function campaignHint(value: string | null | undefined, campaigns: { campaignId: string; name: string }[] | undefined): string {
  const typed = value?.trim();
  if (!typed) return campaigns?.length ? 'Pick a known campaign or type one' : '';
  const known = campaigns?.find((c) => c.campaignId === typed);
  return known ? known.name : campaigns ? 'Not a defined campaign (free text)' : '';
}

interface Props {
  idPrefix: string;
  initial: StoryContent;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  /** How the error message names people (a conflict says who changed the story). */
  errorOptions?: MessageOptions;
  readOnly?: boolean;
  onSubmit(content: StoryContent): void;
  onEditing?(editing: boolean): void;
  onCancel?(): void;
}

export function StoryContentForm({ idPrefix, initial, submitLabel, busy, error, errorOptions, readOnly, onSubmit, onEditing, onCancel }: Props) {
  const [content, setContent] = useState<StoryContent>(initial);
  const [embargoText, setEmbargoText] = useState(toZoneInput(initial.embargo));
  const problem = error ? toProblem(error) : null;
  const id = (field: string) => `${idPrefix}-${field}`;
  const campaignList = useId();
  const campaigns = useQuery({ queryKey: keys.campaigns, queryFn: api.campaigns, staleTime: 300_000, retry: false });

  function set<K extends keyof StoryContent>(key: K, value: StoryContent[K]) {
    setContent((c) => ({ ...c, [key]: value }));
    onEditing?.(true);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(normaliseContent({ ...content, embargo: fromZoneInput(embargoText) }));
  }

  const err = (field: string) => {
    const message = fieldError(problem, field);
    return message ? (
      <span className="field-error" id={id(`${field}-error`)}>
        {message}
      </span>
    ) : null;
  };
  const described = (field: string) => (fieldError(problem, field) ? id(`${field}-error`) : undefined);

  return (
    <form className="content-form" onSubmit={submit} aria-label={submitLabel}>
      <fieldset disabled={readOnly || busy}>
        <label htmlFor={id('title')}>Title</label>
        <input
          id={id('title')}
          name="title"
          required
          maxLength={200}
          value={content.title}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={!!fieldError(problem, 'title')}
          aria-describedby={described('title')}
        />
        {err('title')}

        <label htmlFor={id('angle')}>Angle — why it matters, for whom</label>
        <textarea id={id('angle')} name="angle" rows={2} value={content.angle ?? ''} onChange={(e) => set('angle', e.target.value)} />
        {err('angle')}

        <label htmlFor={id('body')}>Body or brief</label>
        <textarea id={id('body')} name="body" rows={6} value={content.body ?? ''} onChange={(e) => set('body', e.target.value)} />
        {err('body')}

        <div className="grid-2">
          <div>
            <label htmlFor={id('desk')}>Desk or department</label>
            <input
              id={id('desk')}
              name="desk"
              required
              maxLength={100}
              value={content.desk}
              onChange={(e) => set('desk', e.target.value)}
              aria-invalid={!!fieldError(problem, 'desk')}
              aria-describedby={described('desk')}
            />
            {err('desk')}
          </div>
          <div>
            <label htmlFor={id('campaign')}>Campaign</label>
            <input
              id={id('campaign')}
              name="campaign"
              list={campaignList}
              value={content.campaign ?? ''}
              onChange={(e) => set('campaign', e.target.value)}
              aria-describedby={id('campaign-help')}
            />
            <datalist id={campaignList}>
              {(campaigns.data ?? []).map((c) => (
                <option key={c.campaignId} value={c.campaignId}>
                  {c.name}
                </option>
              ))}
            </datalist>
            <span id={id('campaign-help')} className="hint">
              {campaignHint(content.campaign, campaigns.data)}
            </span>
            {err('campaign')}
          </div>
          <div>
            <label htmlFor={id('audience')}>Audience</label>
            <select
              id={id('audience')}
              name="audience"
              value={content.audience ?? ''}
              onChange={(e) => set('audience', (e.target.value || null) as Audience | null)}
            >
              <option value="">—</option>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {a === 'INTERNAL' ? 'Internal' : a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={id('priority')}>Priority</label>
            <select
              id={id('priority')}
              name="priority"
              value={content.priority ?? ''}
              onChange={(e) => set('priority', (e.target.value || null) as Priority | null)}
            >
              <option value="">—</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p.charAt(0) + p.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <div>
            <ZonedDateTimeInput
              id={id('embargo')}
              label="Embargo (earliest publication)"
              value={embargoText}
              onChange={(value) => {
                setEmbargoText(value);
                onEditing?.(true);
              }}
              describedBy={described('embargo')}
              invalid={!!fieldError(problem, 'embargo')}
            />
            {err('embargo')}
          </div>
          <div>
            <label htmlFor={id('source')}>Source story (if derived)</label>
            <input
              id={id('source')}
              name="sourceStoryId"
              value={content.sourceStoryId ?? ''}
              onChange={(e) => set('sourceStoryId', e.target.value)}
              aria-describedby={described('sourceStoryId')}
            />
            {err('sourceStoryId')}
          </div>
        </div>
      </fieldset>
      <ProblemAlert error={error} {...errorOptions} />
      {!readOnly && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </form>
  );
}
