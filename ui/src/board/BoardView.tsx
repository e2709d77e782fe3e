import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Board, Story } from '../api/types';
import { ProblemAlert } from '../components/Feedback';
import { keys } from '../live/cache';
import { useLive } from '../live/LiveProvider';
import { channelColour } from '../calendar/mapping';
import { formatInstant } from '../time';
import { approvalState, boardFromStories, STATUS_LABELS } from './board';

async function loadBoard(): Promise<Board> {
  try {
    return await api.board();
  } catch (error) {
    // A server without the board endpoint yet: build it from the story list.
    if (error instanceof ApiError && error.status === 404) return boardFromStories(await api.stories());
    throw error;
  }
}

export function BoardView({ onOpenStory }: { onOpenStory(storyId: string): void }) {
  const board = useQuery({ queryKey: keys.board, queryFn: loadBoard });
  const { observeSnapshot } = useLive();
  useEffect(() => observeSnapshot(board.data?.position), [board.data?.position, observeSnapshot]);

  return (
    <section aria-labelledby="board-title" className="board-view">
      <div className="view-head">
        <h1 id="board-title">Board</h1>
        {board.isFetching && <span className="muted">Refreshing…</span>}
      </div>
      <ProblemAlert error={board.error} />
      {board.isPending && <p>Loading the board…</p>}
      {board.data && (
        <div className="board" data-testid="board">
          {board.data.columns.map((column) => (
            <section
              key={column.status}
              className="board-column"
              aria-label={`${STATUS_LABELS[column.status] ?? column.status}: ${column.stories.length} stories`}
              data-testid={`column-${column.status}`}
            >
              <h2>
                {STATUS_LABELS[column.status] ?? column.status}{' '}
                <span className="count">{column.stories.length}</span>
              </h2>
              <ul>
                {column.stories.map((story) => (
                  <li key={story.storyId}>
                    <StoryCard story={story} onOpen={() => onOpenStory(story.storyId)} />
                  </li>
                ))}
              </ul>
              {column.stories.length === 0 && <p className="muted empty">Nothing here</p>}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

function StoryCard({ story, onOpen }: { story: Story; onOpen(): void }) {
  const state = approvalState(story);
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
      <span className="card-line">
        <span className="muted">Next slot:</span> {formatInstant(story.nextSlot)}
      </span>
      <span className={`card-line approval approval-${story.status.toLowerCase()}`} data-testid="card-approval">
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
