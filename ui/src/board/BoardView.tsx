import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Board, BoardColumn, Story } from '../api/types';
import { ProblemAlert } from '../feedback/Feedback';
import { keys } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { channelColour } from '../calendar/mapping';
import { formatInstant } from '../time/format';
import {
  approvalState,
  boardFromStories,
  COLUMN_LABELS,
  DEFAULT_PUBLISHED_DAYS,
  isPublishedForBoard,
  PUBLISHED_WINDOWS,
  publishedSince,
} from './board';

async function loadBoard(days: number): Promise<Board> {
  try {
    return await api.board(publishedSince(days));
  } catch (error) {
    // A server without the board endpoint yet: build it from the story list.
    if (error instanceof ApiError && error.status === 404) return boardFromStories(await api.stories());
    throw error;
  }
}

export function BoardView({ onOpenStory }: { onOpenStory(storyId: string): void }) {
  const [days, setDays] = useState<number>(DEFAULT_PUBLISHED_DAYS);
  const board = useQuery({ queryKey: [...keys.board, days], queryFn: () => loadBoard(days), placeholderData: (previous) => previous });
  const { observeSnapshot } = useLive();
  useEffect(() => observeSnapshot(board.data?.position), [board.data?.position, observeSnapshot]);
  const scroller = useRef<HTMLDivElement>(null);
  const overflowing = useOverflow(scroller, board.data);

  return (
    <section aria-labelledby="board-title" className="board-view">
      <div className="view-head">
        <h1 id="board-title">Board</h1>
        {board.isFetching && <span className="muted">Refreshing…</span>}
      </div>
      <ProblemAlert error={board.error} />
      {board.isPending && <p>Loading the board…</p>}
      {board.data && (
        <>
          {/* Every column at a glance with its count; on narrow screens the columns scroll sideways. */}
          <nav className="board-columns-nav" aria-label="Board columns" data-testid="board-columns-nav">
            {board.data.columns.map((column) => (
              <a
                key={column.status}
                href={`#column-${column.status}`}
                onClick={(e) => {
                  e.preventDefault(); // the hash is the router's
                  document.getElementById(`column-${column.status}`)?.scrollIntoView({ inline: 'start', block: 'nearest' });
                }}
              >
                {COLUMN_LABELS[column.status] ?? column.status} <span className="count">{column.stories.length}</span>
              </a>
            ))}
            {overflowing && (
              <span className="muted scroll-hint" data-testid="board-scroll-hint">
                Scroll sideways for more columns →
              </span>
            )}
          </nav>
          <div className={`board ${overflowing ? 'board-overflowing' : ''}`} data-testid="board" ref={scroller} tabIndex={overflowing ? 0 : undefined} aria-label={overflowing ? 'Board columns, scroll sideways' : undefined}>
            {board.data.columns.map((column) => (
              <Column key={column.status} column={column} onOpenStory={onOpenStory} days={days} setDays={setDays} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** True while the element's content is wider than the element (columns hidden to the side). */
function useOverflow(ref: RefObject<HTMLElement | null>, dependency: unknown): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth + 2);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, dependency]);
  return overflowing;
}

function Column({
  column,
  onOpenStory,
  days,
  setDays,
}: {
  column: BoardColumn;
  onOpenStory(storyId: string): void;
  days: number;
  setDays(days: number): void;
}) {
  const label = COLUMN_LABELS[column.status] ?? column.status;
  const published = column.status === 'PUBLISHED';
  return (
    <section
      id={`column-${column.status}`}
      className="board-column"
      aria-label={`${label}: ${column.stories.length} stories`}
      data-testid={`column-${column.status}`}
    >
      <h2>
        {label} <span className="count">{column.stories.length}</span>
      </h2>
      {published && (
        <label className="published-window">
          <span className="sr-only">Show stories published in the</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="published-window" aria-label="Published in the">
            {PUBLISHED_WINDOWS.map((w) => (
              <option key={w.days} value={w.days}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul>
        {column.stories.map((story) => (
          <li key={story.storyId}>
            <StoryCard story={story} onOpen={() => onOpenStory(story.storyId)} />
          </li>
        ))}
      </ul>
      {column.stories.length === 0 && (
        <p className="muted empty">{published ? 'Nothing published in this period' : 'Nothing here'}</p>
      )}
    </section>
  );
}

function StoryCard({ story, onOpen }: { story: Story; onOpen(): void }) {
  const state = approvalState(story);
  const done = isPublishedForBoard(story);
  const channels = [...new Set((story.placements ?? []).filter((p) => p.status !== 'CANCELLED').map((p) => p.channelId))];
  return (
    <button
      type="button"
      className={`story-card priority-${(story.priority ?? 'NORMAL').toLowerCase()}`}
      onClick={onOpen}
      data-testid="story-card"
      data-story-id={story.storyId}
      data-status={story.status}
      aria-label={`${story.title}. Desk ${story.desk}. ${story.assignee ? `Assigned to ${story.assignee}. ` : ''}${
        story.nextSlot ? `Next slot ${formatInstant(story.nextSlot)}. ` : ''
      }${state}.`}
    >
      <span className="card-title">{story.title}</span>
      <span className="card-meta">
        <span className="tag">{story.desk}</span>
        {story.priority === 'HIGH' && <span className="tag tag-high">High priority</span>}
        {story.campaign && <span className="tag tag-campaign">{story.campaign}</span>}
      </span>
      <span className="card-line">
        <span className="muted">Assignee:</span> {story.assignee ?? '—'}
      </span>
      {!done && (
        <span className="card-line">
          <span className="muted">Next slot:</span> {formatInstant(story.nextSlot)}
        </span>
      )}
      <span className={`card-line approval approval-${done ? 'published' : story.status.toLowerCase()}`} data-testid="card-approval">
        {state}
      </span>
      {channels.length > 0 && (
        <span className="card-channels" aria-hidden="true">
          {channels.map((c) => (
            <span key={c} className="channel-dot" style={{ background: channelColour(c) }} title={c} />
          ))}
        </span>
      )}
    </button>
  );
}
