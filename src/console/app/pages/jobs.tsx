import { useClient } from '@urql/preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ConsoleBulkJobsDocument, ConsoleBulkJobUpdatedDocument, ConsoleCancelBulkJobDocument, type BulkJobKind, type BulkJobRowFragment } from '../../generated/graphql.js';
import { ConnectionContext, errorMessage } from '../client.js';
import { href } from '../router.js';
import { Empty, ErrorNotice, Loading, StatusBadge, time } from '../ui.js';

// Bulk jobs: the newest jobs from `bulkJobs`, and each QUEUED or RUNNING one followed live over
// `bulkJobUpdated` (its current state first, then one message per batch, until it finishes).

const PAGE = 50;

export const KIND_LABELS: Record<BulkJobKind, string> = {
  RECOVER_ENDPOINT: 'Recover endpoint',
  REPLAY_EVENTS: 'Replay events',
  RETRY_DELIVERIES: 'Retry deliveries',
  PURGE_APPLICATION: 'Purge deleted application',
};

const unfinished = (job: BulkJobRowFragment) => job.status === 'QUEUED' || job.status === 'RUNNING';

/** A job's progress as a native progress bar: indeterminate until the job has counted its total. */
export function JobProgress({ job }: { job: BulkJobRowFragment }) {
  const label = `Progress of ${job.id}`;
  if (job.total == null) {
    return (
      <span class="progress">
        <progress aria-label={label} />
        <span>{job.done} done, total not counted yet</span>
      </span>
    );
  }
  // Nothing to walk: an empty bar until the job ends, then a full one.
  const max = Math.max(job.total, 1);
  const value = job.total === 0 ? (unfinished(job) ? 0 : 1) : Math.min(job.done + job.failed, job.total);
  return (
    <span class="progress">
      <progress aria-label={label} max={max} value={value} />
      <span aria-label={`Handled of ${job.id}`}>{job.done + job.failed} of {job.total}</span>
    </span>
  );
}

export function JobsPage() {
  const client = useClient();
  const connection = useContext(ConnectionContext);
  // The list is read again after a reconnection (jobs went on meanwhile) and on Refresh list.
  const [reads, setReads] = useState(0);
  useEffect(() => connection?.onReconnected(() => setReads((n) => n + 1)), [connection]);
  const [jobs, setJobs] = useState<BulkJobRowFragment[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [following, setFollowing] = useState<Set<string>>(new Set());
  const [cancelling, setCancelling] = useState<string | undefined>();
  const [cancelError, setCancelError] = useState<string | undefined>();
  /** The live subscription of each job followed on this page (kept when it ended, so it is not started again). */
  const live = useRef(new Map<string, { unsubscribe(): void }>());

  const update = (job: BulkJobRowFragment) =>
    setJobs((list) => {
      if (!list) return list;
      const known = list.find((j) => j.id === job.id);
      // A finished job stays as it finished: never back to an older state.
      if (!known || (!unfinished(known) && unfinished(job))) return list;
      return list.map((j) => (j.id === job.id ? job : j));
    });

  const stopFollowing = (id: string) => {
    live.current.get(id)?.unsubscribe();
    setFollowing((f) => {
      const next = new Set(f);
      next.delete(id);
      return next;
    });
  };

  useEffect(() => {
    setError(undefined);
    const page = client.query(ConsoleBulkJobsDocument, { first: PAGE }).subscribe((result) => {
      if (result.error) {
        setError(errorMessage(result.error));
        setJobs((j) => j ?? []);
        return;
      }
      if (result.data) setJobs(result.data.bulkJobs.edges.map((e) => e.node));
    });
    return () => page.unsubscribe();
  }, [client, reads]);

  // The feeds outlive a new read of the list (graphql-ws subscribes them again after a reconnection); they end with the page.
  useEffect(() => () => {
    for (const subscription of live.current.values()) subscription.unsubscribe();
    live.current.clear();
  }, []);

  // Each unfinished job is followed once; its feed ends after the message that says it finished.
  useEffect(() => {
    for (const job of jobs ?? []) {
      if (!unfinished(job) || live.current.has(job.id)) continue;
      const id = job.id;
      let ended = false;
      live.current.set(id, { unsubscribe: () => void (ended = true) });
      const subscription = client.subscription(ConsoleBulkJobUpdatedDocument, { id }).subscribe((result) => {
        if (result.error) {
          setError(errorMessage(result.error));
          return stopFollowing(id);
        }
        const next = result.data?.bulkJobUpdated;
        if (!next) return;
        update(next);
        if (unfinished(next)) setFollowing((f) => (f.has(id) ? f : new Set(f).add(id)));
        else stopFollowing(id);
      });
      if (ended) subscription.unsubscribe();
      else live.current.set(id, subscription);
    }
  }, [jobs]);

  const cancel = async (id: string) => {
    setCancelling(id);
    setCancelError(undefined);
    const answer = await client.mutation(ConsoleCancelBulkJobDocument, { input: { id } }).toPromise();
    setCancelling(undefined);
    if (answer.error) setCancelError(errorMessage(answer.error));
    else if (answer.data) {
      update(answer.data.cancelBulkJob.job);
      if (!unfinished(answer.data.cancelBulkJob.job)) stopFollowing(id);
    }
  };

  // Jobs in progress whose live feed has sent its first message (their current state).
  const followed = (jobs ?? []).filter((j) => unfinished(j) && following.has(j.id)).length;
  return (
    <section aria-labelledby="jobs-title">
      <div class="page-head">
        <h1 id="jobs-title">Bulk jobs</h1>
        <div class="live-controls">
          <span role="status" aria-live="polite" aria-label="Live progress" class="muted">
            {followed ? `Following ${followed} job${followed === 1 ? '' : 's'} in progress live` : 'No job in progress followed'}
          </span>
          <button type="button" onClick={() => setReads((n) => n + 1)}>Refresh list</button>
        </div>
      </div>
      <ErrorNotice message={error ?? cancelError} />
      {jobs === undefined ? (
        <Loading />
      ) : jobs.length === 0 ? (
        error ? null : (
          <Empty>
            No bulk jobs yet. Start one from an endpoint's page (<a href={href.endpoints()}>Endpoints</a>, then <strong>Recover failed deliveries</strong> or{' '}
            <strong>Replay events</strong>), or with the <code>retryDeliveries</code>, <code>recoverEndpoint</code> or <code>replayEvents</code> mutation
            (GraphiQL at <a href="/graphql">/graphql</a>).
          </Empty>
        )
      ) : (
        <div class="table-wrap">
          <table aria-label="Bulk jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Total</th>
                <th scope="col">Done</th>
                <th scope="col">Failed</th>
                <th scope="col">Created</th>
                <th scope="col">Finished</th>
                <th scope="col"><span class="muted">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} data-job-id={job.id}>
                  <td>{job.id}</td>
                  <td>{KIND_LABELS[job.kind] ?? job.kind}</td>
                  <td aria-label={`Status of ${job.id}`}>
                    <StatusBadge status={job.status} />
                    {job.error && <div class="muted">{job.error}</div>}
                  </td>
                  <td><JobProgress job={job} /></td>
                  <td>{job.total ?? '—'}</td>
                  <td>{job.done}</td>
                  <td>{job.failed}</td>
                  <td>{time(job.createdAt)}</td>
                  <td>{time(job.finishedAt)}</td>
                  <td>
                    {unfinished(job) && (
                      <button type="button" aria-label={`Cancel ${job.id}`} disabled={cancelling === job.id} onClick={() => cancel(job.id)}>
                        Cancel
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
