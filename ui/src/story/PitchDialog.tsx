import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newKey } from '../api/endpoints';
import type { StoryContent } from '../api/types';
import { useToasts } from '../feedback/Feedback';
import { applyStory, keys } from '../live/cache';
import { EMPTY_CONTENT, StoryContentForm } from './StoryContentForm';

/** "New pitch": a modal dialog with the story content form. */
export function PitchDialog({
  onClose,
  onPitched,
  initial = EMPTY_CONTENT,
}: {
  onClose(): void;
  onPitched(storyId: string): void;
  /** Prefilled content, e.g. for a story derived from another (sourceStoryId set). */
  initial?: StoryContent;
}) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const dialog = useRef<HTMLDialogElement>(null);
  // One key per dialog: a retried submit cannot create a second story.
  const [key] = useState(newKey);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const pitch = useMutation({
    mutationFn: (content: StoryContent) => api.pitch(content, key),
    onSuccess: (story) => {
      applyStory(queryClient, story);
      if (story.sourceStoryId) void queryClient.invalidateQueries({ queryKey: keys.stories });
      toasts.success(`Pitched “${story.title}”`);
      onPitched(story.storyId);
    },
  });

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="pitch-dialog-title" onCancel={onClose} data-testid="pitch-dialog">
      <div className="dialog-head">
        <h2 id="pitch-dialog-title">{initial.sourceStoryId ? 'Pitch a derived story' : 'Pitch a story'}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close the pitch form">
          ×
        </button>
      </div>
      <StoryContentForm
        idPrefix="pitch"
        initial={initial}
        submitLabel="Pitch story"
        busy={pitch.isPending}
        error={pitch.error}
        onSubmit={(content) => pitch.mutate(content)}
        onCancel={onClose}
      />
    </dialog>
  );
}
