import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { Projections, ProjectionStatus } from '../api/types';
import { ProblemAlert, useToasts } from '../feedback/Feedback';

// The read models an admin may rebuild from the event store (MANAGE_PROJECTIONS), as the server lists them:
// where each is against the head of the event store, and a rebuild that empties it and replays every event
// while the server keeps serving. The list refreshes every two seconds while one is behind or rebuilding.

const PROJECTIONS = ['projections'] as const;

export function ReadModelsView() {
  const status = useQuery({
    queryKey: PROJECTIONS,
    queryFn: api.projections,
    refetchInterval: (query) => (busy(query.state.data) ? 2000 : false),
  });
  return (
    <section aria-labelledby="read-models-title">
      <div className="view-head">
        <h1 id="read-models-title">Read models</h1>
      </div>
      <p className="muted">
        Everything the dashboard shows is read from read models built from the events. A rebuild empties one and
        builds it again from every event; while it runs, what it shows is incomplete.
        {status.data && ` The event store is at position ${status.data.head}.`}
      </p>
      <ProblemAlert error={status.error} />
      {status.isPending && <p>Loading the read models…</p>}
      <table className="data-table" data-testid="read-models">
        <caption className="sr-only">Read models with their position, lag behind the event store and state</caption>
        <thead>
          <tr>
            <th scope="col">Read model</th>
            <th scope="col">Position</th>
            <th scope="col">Behind</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(status.data?.projections ?? []).map((projection) => (
            <ReadModelRow key={projection.name} projection={projection} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function busy(projections: Projections | undefined): boolean {
  return (projections?.projections ?? []).some((p) => p.replaying || !p.caughtUp);
}

export function stateOf(projection: ProjectionStatus): string {
  if (!projection.running) return 'Stopped';
  if (projection.replaying) return 'Rebuilding';
  return projection.caughtUp ? 'Up to date' : 'Catching up';
}

function ReadModelRow({ projection }: { projection: ProjectionStatus }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const rebuild = useMutation({
    mutationFn: () => api.rebuildProjection(projection.name),
    onSuccess: (started) => {
      setConfirming(false);
      queryClient.setQueryData<Projections>(PROJECTIONS, (all) =>
        all ? { ...all, projections: all.projections.map((p) => (p.name === started.name ? started : p)) } : all,
      );
      void queryClient.invalidateQueries({ queryKey: PROJECTIONS });
      toasts.info(`Rebuilding ${projection.name} from the events`);
    },
  });
  return (
    <tr data-testid="read-model-row" data-name={projection.name}>
      <th scope="row">{projection.name}</th>
      <td>{projection.position}</td>
      <td>{projection.lag}</td>
      <td data-testid="read-model-state">{stateOf(projection)}</td>
      <td>
        {confirming ? (
          <span role="group" aria-label={`Rebuild ${projection.name}?`}>
            <button type="button" className="danger" disabled={rebuild.isPending} onClick={() => rebuild.mutate()}>
              Rebuild now
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Rebuild ${projection.name}`}>
            Rebuild…
          </button>
        )}
        <ProblemAlert error={rebuild.error} />
      </td>
    </tr>
  );
}
